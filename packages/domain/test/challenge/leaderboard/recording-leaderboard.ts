import type {
  Leaderboard,
  LeaderboardPageQuery,
  LeaderboardPosition,
  LeaderboardRow,
  LeaderboardStanding,
  Page,
} from '../../../src/index.js';

/** A Leaderboard stub for use case tests: records the queries it gets and answers what it is given. */
export class RecordingLeaderboard implements Leaderboard {
  readonly pageQueries: LeaderboardPageQuery[] = [];
  readonly positionQueries: [string, number][] = [];

  constructor(
    private readonly pageAnswer: Page<LeaderboardRow> = { items: [], nextCursor: null },
    private readonly positionAnswer: LeaderboardPosition | null = null,
  ) {}

  async upsert(_standing: LeaderboardStanding): Promise<void> {
    throw new Error('use cases under test only read the board');
  }

  async remove(_githubUsername: string): Promise<void> {
    throw new Error('use cases under test only read the board');
  }

  async page(query: LeaderboardPageQuery): Promise<Page<LeaderboardRow>> {
    this.pageQueries.push(query);
    return this.pageAnswer;
  }

  async position(githubUsername: string, neighbours: number): Promise<LeaderboardPosition | null> {
    this.positionQueries.push([githubUsername, neighbours]);
    return this.positionAnswer;
  }
}

export const aRow: LeaderboardRow = {
  rank: 3,
  totalScore: 150,
  githubUsername: 'Ada',
  fullName: 'Ada Lovelace',
  avatarUrl: null,
  githubScore: 100,
  twitterScore: 50,
  daysCompleted: 2,
  githubStreak: 2,
  twitterStreak: 1,
  status: 'active',
  version: 4,
};
