import { ManualClock } from '@hdoc/adapters-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenBacking } from '../support/backing.js';
import { bearer, json, startChallengeApp, type ChallengeApp } from './challenge-app.js';

const DAY_MS = 24 * 3600 * 1000;
interface Row {
  rank: number;
  github_username: string;
  total_score: number;
  days_completed: number;
  status: string;
}
interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

const ALICE = { login: 'Alice', name: 'Alice Doe', twitter_username: 'alice_tw', avatar_url: 'https://avatars.githubusercontent.com/u/101?v=4' };
const BOB = { login: 'bob', name: 'Bob Roe' };
const url = (login: string, day: number, type: 'github' | 'twitter'): string =>
  type === 'github' ? `https://github.com/${login}/cloud/commit/${day}` : `https://x.com/${login}_x/status/${1000 + day}`;

/** Verifier answers by url: what each entry's "real" check would give. */
const confidences: Record<string, number> = {
  [url('Alice', 1, 'github')]: 80,
  [url('Alice', 1, 'twitter')]: 70,
  [url('Alice', 2, 'github')]: 40, // below 50: not verified
  [url('bob', 1, 'github')]: 100,
  [url('bob', 1, 'twitter')]: 90,
};

/**
 * The challenge end to end over HTTP (sign-in, profile edits, entries verified by the worker, the
 * leaderboard), on what `backing` opens (the memory family when absent): challenge-flow.test.ts runs it
 * in memory, @hdoc/local-run's aws-flows/ on the whole AWS path. The verifier and the clock are the
 * composition's overrides on both.
 */
export function describeChallengeFlows(backing?: OpenBacking): void {
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  let app: ChallengeApp;

  async function put(token: string, day: number, type: 'github' | 'twitter', login: string) {
    return app.send('put', `/profiles/me/entries/${day}/${type}`, json({ url: url(login, day, type) }, bearer(token)));
  }

  async function leaderboard(query = ''): Promise<Page<Row>> {
    const answer = await app.send('get', `/leaderboard${query}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.body as Page<Row>;
  }

  async function profile(login: string): Promise<Record<string, unknown>> {
    const answer = await app.send('get', `/profiles/${login}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    app = await startChallengeApp({ clock, backing });
    app.verifier.answerWith(confidences);
  });
  afterAll(() => app?.close());

  describe('the challenge, end to end over HTTP', () => {
    it('a new participant has a public profile with exactly the public fields', async () => {
      const login = await app.login(ALICE);
      expect(login.profile_created).toBe(true);
      const alice = await profile('alice');
      expect(Object.keys(alice).sort()).toEqual(
        [
          'github_username', 'avatar_url', 'full_name', 'bio', 'twitter_username', 'linkedin_profile', 'timezone', 'status', 'last_entry_at',
          'days_completed', 'github_entry_count', 'twitter_entry_count', 'github_score', 'twitter_score', 'github_streak',
          'twitter_streak', 'created_at', 'updated_at',
        ].sort(),
      );
      expect(alice).toMatchObject({
        github_username: 'Alice',
        avatar_url: 'https://avatars.githubusercontent.com/u/101?v=4',
        full_name: 'Alice Doe',
        twitter_username: 'alice_tw',
        timezone: 'UTC',
        status: 'active',
        last_entry_at: null,
        days_completed: 0,
        github_score: 0,
        created_at: '2026-03-01T12:00:00.000Z',
      });
    });

    it('PATCH /profiles/me edits the profile; null clears an optional field; absent fields stay', async () => {
      const { access_token: token } = await app.login(ALICE);
      const edited = await app.send(
        'patch',
        '/profiles/me',
        json({ timezone: 'Europe/Paris', twitter_username: '@alice_x', bio: 'Clouds', linkedin_profile: 'https://www.linkedin.com/in/alice-doe/' }, bearer(token)),
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        timezone: 'Europe/Paris',
        twitter_username: 'alice_x',
        bio: 'Clouds',
        linkedin_profile: 'https://www.linkedin.com/in/alice-doe',
        full_name: 'Alice Doe',
      });
      const cleared = await app.send('patch', '/profiles/me', json({ bio: null, full_name: null }, bearer(token)));
      expect(cleared.body).toMatchObject({ bio: null, full_name: null, twitter_username: 'alice_x', timezone: 'Europe/Paris' });
      expect(await profile('Alice')).toEqual(cleared.body);
      await app.send('patch', '/profiles/me', json({ full_name: 'Alice Doe' }, bearer(token)));
    });

    it('entries are queued, verified by the worker, and counted in scores, days and streaks', async () => {
      const { access_token: token } = await app.login(ALICE);
      const github = await put(token, 1, 'github', 'Alice');
      expect(github.status).toBe(200);
      expect(github.body).toEqual({
        github_username: 'Alice',
        entry_type: 'github',
        url: url('Alice', 1, 'github'),
        day: 1,
        verified: false,
        confidence: 0,
        verification: { status: 'pending', confidence: 0, reason: null, checked_at: null },
        local_date: '2026-03-01',
        created_at: '2026-03-01T12:00:00.000Z',
        updated_at: '2026-03-01T12:00:00.000Z',
      });
      expect((await put(token, 1, 'twitter', 'Alice')).status).toBe(200);
      // Submitting the same url again is idempotent: same answer, same 200.
      const again = await put(token, 1, 'github', 'Alice');
      expect(again.status).toBe(200);
      expect((again.body as { local_date: string }).local_date).toBe('2026-03-01');
      await app.composition.worker.drained();

      expect(await profile('Alice')).toMatchObject({
        github_score: 80,
        twitter_score: 70,
        days_completed: 1,
        github_entry_count: 1,
        twitter_entry_count: 1,
        github_streak: 1,
        twitter_streak: 1,
        last_entry_at: '2026-03-01T12:00:00.000Z',
        status: 'active',
      });

      clock.advance(DAY_MS);
      const { access_token: nextDay } = await app.login(ALICE);
      expect((await put(nextDay, 2, 'github', 'Alice')).status).toBe(200);
      await app.composition.worker.drained();
      expect(await profile('Alice')).toMatchObject({
        github_score: 80, // day 2 got 40: not verified, no score
        days_completed: 1,
        github_entry_count: 2,
        github_streak: 2,
        twitter_streak: 1, // yesterday still counts
      });

      const entries = await app.send('get', '/profiles/alice/entries');
      expect(entries.status).toBe(200);
      // Each entry shows where it stands with the verifier, and why: day 2's 40 is checked but does not count.
      const verifications = (entries.body as Page<{ verification: unknown }>).items.map((entry) => entry.verification);
      expect(verifications).toEqual([
        { status: 'verified', confidence: 80, reason: 'configured confidence', checked_at: '2026-03-01T12:00:00.000Z' },
        { status: 'verified', confidence: 70, reason: 'configured confidence', checked_at: '2026-03-01T12:00:00.000Z' },
        { status: 'rejected', confidence: 40, reason: 'configured confidence', checked_at: '2026-03-02T12:00:00.000Z' },
      ]);
      const items = (entries.body as Page<{ day: number; entry_type: string; verified: boolean; confidence: number; local_date: string }>).items;
      expect(items.map((entry) => [entry.day, entry.entry_type, entry.verified, entry.confidence, entry.local_date])).toEqual([
        [1, 'github', true, 80, '2026-03-01'],
        [1, 'twitter', true, 70, '2026-03-01'],
        [2, 'github', false, 40, '2026-03-02'],
      ]);

      // Pages of two, followed by cursor, concatenate to the whole list.
      const first = (await app.send('get', '/profiles/Alice/entries?limit=2')).body as Page<unknown>;
      expect(first.items).toHaveLength(2);
      expect(first.next_cursor).not.toBeNull();
      const second = (await app.send('get', `/profiles/Alice/entries?limit=2&cursor=${encodeURIComponent(first.next_cursor ?? '')}`)).body as Page<unknown>;
      expect(second.next_cursor).toBeNull();
      expect([...first.items, ...second.items]).toEqual(items);

      // The same url again asks for a re-check of the rejected entry: pending, then the verifier's new answer.
      const recheck = await put(nextDay, 2, 'github', 'Alice');
      expect((recheck.body as { verification: { status: string } }).verification.status).toBe('pending');
      await app.composition.worker.drained();
      const rechecked = (await app.send('get', '/profiles/alice/entries')).body as Page<{ day: number; verification: { status: string } }>;
      expect(rechecked.items.map((entry) => [entry.day, entry.verification.status])).toEqual([[1, 'verified'], [1, 'verified'], [2, 'rejected']]);
    });

    it('the leaderboard ranks participants and reorders as soon as someone overtakes', async () => {
      const { access_token: bobToken } = await app.login(BOB);
      let board = await leaderboard();
      expect(board.items.map((row) => [row.rank, row.github_username, row.total_score])).toEqual([
        [1, 'Alice', 150],
        [2, 'bob', 0],
      ]);
      expect(board.items[0]).toEqual({
        rank: 1,
        github_username: 'Alice',
        full_name: 'Alice Doe',
        total_score: 150,
        github_score: 80,
        twitter_score: 70,
        days_completed: 1,
        github_streak: 2,
        twitter_streak: 1,
        status: 'active',
        avatar_url: 'https://avatars.githubusercontent.com/u/101?v=4',
      });

      // A public page carries an ETag: unchanged, a conditional read is a 304; changed, a new page and tag.
      const before = await fetch(`${app.server.url}/leaderboard`);
      const etag = before.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/".+"$/);
      // fetch adds `Cache-Control: no-cache` (an unconditional reload) to conditional requests unless told otherwise.
      const revalidate = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
      expect((await fetch(`${app.server.url}/leaderboard`, { headers: revalidate })).status).toBe(304);

      expect((await put(bobToken, 1, 'github', 'bob')).status).toBe(200);
      expect((await put(bobToken, 1, 'twitter', 'bob')).status).toBe(200);
      await app.composition.worker.drained();
      const after = await fetch(`${app.server.url}/leaderboard`, { headers: revalidate });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      board = await leaderboard();
      expect(board.items.map((row) => [row.rank, row.github_username, row.total_score])).toEqual([
        [1, 'bob', 190],
        [2, 'Alice', 150],
      ]);
      expect(board.next_cursor).toBeNull();
    });

    it('cursor pages concatenate to the full order; positions show neighbours; the status filter keeps global ranks', async () => {
      // Five more participants with distinct totals (10..50), one of whom goes quiet.
      for (const [index, login] of ['carol', 'dave', 'erin', 'frank', 'grace'].entries()) {
        const confidence = 50 + index * 10;
        app.verifier.answerWith({ ...confidences, [url(login, 1, 'github')]: confidence });
        const { access_token: token } = await app.login({ login });
        expect((await put(token, 1, 'github', login)).status).toBe(200);
        await app.composition.worker.drained();
      }
      const full = await leaderboard('?limit=100');
      expect(full.items.map((row) => [row.rank, row.github_username, row.total_score])).toEqual([
        [1, 'bob', 190],
        [2, 'Alice', 150],
        [3, 'grace', 90],
        [4, 'frank', 80],
        [5, 'erin', 70],
        [6, 'dave', 60],
        [7, 'carol', 50],
      ]);

      const paged: Row[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await leaderboard(`?limit=3${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        paged.push(...page.items);
        cursor = page.next_cursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(paged).toEqual(full.items);

      const position = await app.send('get', '/leaderboard/ALICE?neighbours=1');
      expect(position.status).toBe(200);
      const { row, above, below } = position.body as { row: Row; above: Row[]; below: Row[] };
      expect(row).toMatchObject({ rank: 2, github_username: 'Alice' });
      expect(above.map((r) => r.github_username)).toEqual(['bob']);
      expect(below.map((r) => r.github_username)).toEqual(['grace']);
      const defaults = (await app.send('get', '/leaderboard/dave')).body as { above: Row[]; below: Row[] };
      expect(defaults.above.map((r) => r.github_username)).toEqual(['grace', 'frank', 'erin']);
      expect(defaults.below.map((r) => r.github_username)).toEqual(['carol']);

      // Nine days later carol writes again (a profile edit): her standing turns inactive.
      clock.advance(9 * DAY_MS);
      const { access_token: carol } = await app.login({ login: 'carol' });
      expect((await app.send('patch', '/profiles/me', json({ bio: 'back soon' }, bearer(carol)))).status).toBe(200);
      const inactive = await leaderboard('?status=inactive');
      expect(inactive.items.map((r) => [r.rank, r.github_username, r.status])).toEqual([[7, 'carol', 'inactive']]);
      const active = await leaderboard('?status=active');
      expect(active.items.map((r) => r.github_username)).toEqual(['bob', 'Alice', 'grace', 'frank', 'erin', 'dave']);
      expect((await leaderboard('?status=completed')).items).toEqual([]);

      // The profile projects streaks and status to now even without a write.
      expect(await profile('Alice')).toMatchObject({ status: 'inactive', github_streak: 0, twitter_streak: 0, github_score: 80 });
    });

    it('GET /users?username= answers the public profile, for the original frontend', async () => {
      const legacy = await app.send('get', '/users?username=alice');
      expect(legacy.status).toBe(200);
      expect(legacy.body).toEqual(await profile('Alice'));
    });
  });
}
