import {
  decodeLeaderboardCursor,
  encodeLeaderboardCursor,
  leaderboardKey,
  MAX_DAYS_COMPLETED,
  MAX_TOTAL_SCORE,
  PROFILE_STATUSES,
  type Leaderboard,
  type LeaderboardKeyset,
  type LeaderboardPageQuery,
  type LeaderboardPosition,
  type LeaderboardRow,
  type LeaderboardStanding,
  type Page,
} from '@hdoc/domain';
import type { Cluster, Redis } from 'ioredis';
import { PAGE_SCRIPT, POSITION_SCRIPT, REMOVE_SCRIPT, UPSERT_SCRIPT } from './leaderboard-scripts.js';
import { RedisKeys } from './redis-keys.js';

/** A standing as stored: the standing, its member in the orders and its status's place in PROFILE_STATUSES (1-based). */
interface StoredStanding extends LeaderboardStanding {
  readonly member: string;
  readonly statusIndex: number;
}

type Script = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

/**
 * The member of a keyset in the sorted sets: leaderboard order as byte order (the higher total, then
 * the more days, first; then the key ascending, as the domain compares it code unit by code unit).
 */
function memberOf(keyset: LeaderboardKeyset): string {
  const total = String(MAX_TOTAL_SCORE - keyset.totalScore).padStart(5, '0');
  const days = String(MAX_DAYS_COMPLETED - keyset.daysCompleted).padStart(3, '0');
  return `${total}${days}:${keyset.key}`;
}

function keysetOf(standing: LeaderboardStanding): LeaderboardKeyset {
  return {
    totalScore: standing.githubScore + standing.twitterScore,
    daysCompleted: standing.daysCompleted,
    key: leaderboardKey(standing.githubUsername),
  };
}

/**
 * The Leaderboard in Redis sorted sets (ElastiCache), selectable instead of the DynamoDB one. One
 * order of every participant plus one per status, all scores 0 so members sort by bytes, and members
 * that encode the order (see leaderboard-scripts.ts): a page is one ZRANGEBYLEX after the cursor's
 * member, a competition rank one ZLEXCOUNT per distinct total on the page, a position one ZRANK and
 * one ZRANGE; every write is one Lua script (a version check, the members moved, the standing stored).
 * Costs are O(log n) plus the page, whatever the board's size.
 */
export class RedisLeaderboard implements Leaderboard {
  private readonly standings: string;
  private readonly order: string;
  private readonly statusOrders: readonly string[];
  private readonly upsertScript: Script;
  private readonly removeScript: Script;
  private readonly pageScript: Script;
  private readonly positionScript: Script;

  constructor(
    private readonly redis: Redis | Cluster,
    options: { readonly keyPrefix: string },
  ) {
    const keys = new RedisKeys(options.keyPrefix);
    this.standings = keys.tagged('lb', 'standings');
    this.order = keys.tagged('lb', 'order');
    this.statusOrders = PROFILE_STATUSES.map((status) => keys.tagged('lb', `status:${status}`));
    const define = (name: string, numberOfKeys: number, lua: string): Script => {
      redis.defineCommand(name, { numberOfKeys, lua });
      return ((redis as unknown as Record<string, Script>)[name] as Script).bind(redis);
    };
    this.upsertScript = define('hdocLeaderboardUpsert', 2 + this.statusOrders.length, UPSERT_SCRIPT);
    this.removeScript = define('hdocLeaderboardRemove', 2 + this.statusOrders.length, REMOVE_SCRIPT);
    this.pageScript = define('hdocLeaderboardPage', 3, PAGE_SCRIPT);
    this.positionScript = define('hdocLeaderboardPosition', 2, POSITION_SCRIPT);
  }

  async upsert(standing: LeaderboardStanding): Promise<void> {
    const keyset = keysetOf(standing);
    if (keyset.totalScore > MAX_TOTAL_SCORE || keyset.daysCompleted > MAX_DAYS_COMPLETED) {
      throw new RangeError('leaderboard standing outside the challenge bounds');
    }
    const statusIndex = PROFILE_STATUSES.indexOf(standing.status) + 1;
    if (statusIndex === 0) throw new RangeError(`leaderboard standing status must be one of ${PROFILE_STATUSES.join(', ')}`);
    const member = memberOf(keyset);
    const stored: StoredStanding = { ...standing, member, statusIndex };
    await this.upsertScript(this.standings, this.order, ...this.statusOrders, keyset.key, member, statusIndex, standing.version, JSON.stringify(stored));
  }

  async remove(githubUsername: string): Promise<void> {
    await this.removeScript(this.standings, this.order, ...this.statusOrders, leaderboardKey(githubUsername));
  }

  async page(query: LeaderboardPageQuery): Promise<Page<LeaderboardRow>> {
    const after = query.cursor === undefined || query.cursor === null ? null : decodeLeaderboardCursor(query.cursor);
    const from = after === null ? '-' : `(${memberOf(after)}`;
    const source = query.status === undefined ? this.order : this.statusOrders[PROFILE_STATUSES.indexOf(query.status)]!;
    const rows = this.rows((await this.pageScript(this.standings, this.order, source, from, query.limit + 1)) as (string | number)[]);
    const hasMore = rows.length > query.limit;
    const items = hasMore ? rows.slice(0, query.limit) : rows;
    const last = items.at(-1);
    return { items, nextCursor: hasMore && last !== undefined ? encodeLeaderboardCursor(keysetOf(last)) : null };
  }

  async position(githubUsername: string, neighbours: number): Promise<LeaderboardPosition | null> {
    const reply = (await this.positionScript(this.standings, this.order, leaderboardKey(githubUsername), neighbours)) as
      | [number, ...(string | number)[]]
      | null;
    if (reply === null) return null;
    const [at, ...pairs] = reply;
    const rows = this.rows(pairs);
    return { row: rows[at]!, above: rows.slice(0, at), below: rows.slice(at + 1) };
  }

  /** Rows from the scripts' (standing JSON, count above) pairs. */
  private rows(pairs: readonly (string | number)[]): LeaderboardRow[] {
    const rows: LeaderboardRow[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { member, statusIndex, ...standing } = JSON.parse(String(pairs[i])) as StoredStanding;
      rows.push({ ...standing, totalScore: standing.githubScore + standing.twitterScore, rank: Number(pairs[i + 1]) + 1 });
    }
    return rows;
  }
}
