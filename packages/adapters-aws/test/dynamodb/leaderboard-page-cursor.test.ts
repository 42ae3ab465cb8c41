import { encodeLeaderboardCursor, ValidationError } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { decodePageState, encodePageState } from '../../src/dynamodb/leaderboard/leaderboard-page-cursor.js';

const keyset = { totalScore: 150, daysCompleted: 3, key: 'alice' };
const wrap = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('DynamoDbLeaderboard page cursor', () => {
  it('round-trips the keyset with the rank state, with or without a position', () => {
    for (const state of [
      { keyset, rank: 7, position: 9 },
      { keyset, rank: 7, position: null },
    ]) {
      expect(decodePageState(encodePageState(state))).toEqual(state);
    }
  });

  it.each([
    ['the domain cursor alone', encodeLeaderboardCursor(keyset)],
    ['a rank of 0', wrap([encodeLeaderboardCursor(keyset), 0, null])],
    ['a position before the rank', wrap([encodeLeaderboardCursor(keyset), 5, 4])],
    ['a fractional rank', wrap([encodeLeaderboardCursor(keyset), 1.5, null])],
    ['a bad inner cursor', wrap(['eyJoaSI6MX0', 1, 1])],
    ['four fields', wrap([encodeLeaderboardCursor(keyset), 1, 1, 1])],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('[1,').toString('base64url')],
  ])('rejects %s with ValidationError on cursor', (_, cursor) => {
    let failure: unknown;
    try {
      decodePageState(cursor);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ValidationError);
    expect(failure).toMatchObject({ field: 'cursor' });
  });
});
