import { describe, expect, it } from 'vitest';
import { GetLeaderboardPage, ValidationError } from '../../../src/index.js';
import { aRow, RecordingLeaderboard } from './recording-leaderboard.js';

describe('GetLeaderboardPage', () => {
  it('asks for 20 rows of every status from the top by default and returns the page as is', async () => {
    const board = new RecordingLeaderboard({ items: [aRow], nextCursor: 'next' });
    expect(await new GetLeaderboardPage(board).execute({})).toEqual({ items: [aRow], nextCursor: 'next' });
    expect(board.pageQueries).toEqual([{ limit: 20, cursor: null }]);
  });

  it('passes a status filter, a limit up to 100 and the cursor through', async () => {
    const board = new RecordingLeaderboard();
    await new GetLeaderboardPage(board).execute({ status: 'completed', limit: 100, cursor: 'abc' });
    expect(board.pageQueries).toEqual([{ limit: 100, cursor: 'abc', status: 'completed' }]);
  });

  it.each([0, 101, 2.5])('rejects limit %s on limit and asks nothing', async (limit) => {
    const board = new RecordingLeaderboard();
    await expect(new GetLeaderboardPage(board).execute({ limit })).rejects.toMatchObject({ field: 'limit' });
    expect(board.pageQueries).toEqual([]);
  });

  it.each(['Active', 'done', ''])('rejects status %j on status and asks nothing', async (status) => {
    const board = new RecordingLeaderboard();
    const failure = await new GetLeaderboardPage(board).execute({ status }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect(failure).toMatchObject({ field: 'status' });
    expect(board.pageQueries).toEqual([]);
  });
});
