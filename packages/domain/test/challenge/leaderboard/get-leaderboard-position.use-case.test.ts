import { describe, expect, it } from 'vitest';
import { GetLeaderboardPosition, NotFoundError, ValidationError } from '../../../src/index.js';
import { aRow, RecordingLeaderboard } from './recording-leaderboard.js';

describe('GetLeaderboardPosition', () => {
  const position = { row: aRow, above: [{ ...aRow, githubUsername: 'ken', rank: 1 }], below: [] };

  it('reads the participant with 3 neighbours each side by default', async () => {
    const board = new RecordingLeaderboard(undefined, position);
    expect(await new GetLeaderboardPosition(board).execute({ githubUsername: 'ada' })).toEqual(position);
    expect(board.positionQueries).toEqual([['ada', 3]]);
  });

  it.each([0, 10])('accepts %i neighbours', async (neighbours) => {
    const board = new RecordingLeaderboard(undefined, position);
    await new GetLeaderboardPosition(board).execute({ githubUsername: 'ada', neighbours });
    expect(board.positionQueries).toEqual([['ada', neighbours]]);
  });

  it.each([-1, 11, 1.5, Number.NaN])('rejects %s neighbours on neighbours and asks nothing', async (neighbours) => {
    const board = new RecordingLeaderboard(undefined, position);
    const failure = await new GetLeaderboardPosition(board)
      .execute({ githubUsername: 'ada', neighbours })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect(failure).toMatchObject({ field: 'neighbours' });
    expect(board.positionQueries).toEqual([]);
  });

  it('answers NotFoundError for a participant who is not on the board', async () => {
    const board = new RecordingLeaderboard(undefined, null);
    await expect(new GetLeaderboardPosition(board).execute({ githubUsername: 'nobody' })).rejects.toThrow(NotFoundError);
  });
});
