import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHttpConfig } from '@hdoc/api-http';
import { composeDemoApp, demoBanner, type DemoComposition } from '../../src/demo/compose-demo-app.js';
import { DEMO_PARTICIPANTS } from '../../src/demo/demo-participants.js';
import { DEMO_PHOTOS } from '../../src/demo/demo-photos.js';
import type { CheckedSend } from '../../../api-http/test/support/fuzz.js';
import { checkedFetch, OpenApiValidator } from '../../../api-http/test/support/openapi-validator.js';
import { captureLogs, startServer, type CapturedLogger, type RunningServer } from '../../../api-http/test/support/test-server.js';

interface RowJson {
  github_username: string;
  total_score: number;
  days_completed: number;
  github_streak: number;
  twitter_streak: number;
  status: string;
}
interface PhotoJson {
  id: string;
  status: string;
  filename: string;
  width: number | null;
  height: number | null;
  title: string | null;
  tags: string[];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let demo: DemoComposition;
let server: RunningServer;
let send: CheckedSend;
let logs: CapturedLogger;

beforeAll(async () => {
  logs = captureLogs('trace');
  demo = await composeDemoApp(loadHttpConfig({ PORT: '0' }), { logger: logs.logger });
  server = await startServer(demo.composition.app);
  demo.composition.listeningAt(server.url);
  send = checkedFetch(server.url, new OpenApiValidator(demo.composition.openApi));
});
afterAll(async () => {
  await server.close();
  await demo.composition.closers.closeAll();
});

const jsonBody = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The run of consecutive days ending at the latest active day, if that day is today or yesterday. */
function currentStreak(activeDaysAgo: readonly number[]): number {
  const days = new Set(activeDaysAgo);
  const latest = Math.min(...activeDaysAgo);
  if (!(latest <= 1)) return 0;
  let run = 0;
  while (days.has(latest + run)) run += 1;
  return run;
}

/** Reads credentials the way a person reads the banner: the `username:` and `password:` lines. */
function credentialsIn(banner: string): { username: string; password: string } {
  const value = (label: string): string => {
    const match = new RegExp(`^\\s*${label}: (\\S+)$`, 'm').exec(banner);
    expect(match, `a "${label}:" line in the banner`).not.toBeNull();
    return match![1]!;
  };
  return { username: value('username'), password: value('password') };
}

describe('npm run demo (composeDemoApp)', () => {
  it('puts every demo participant on the leaderboard, with scores, current streaks, lapsed and inactive ones', async () => {
    const answer = await send('get', '/leaderboard?limit=100');
    expect(answer.status).toBe(200);
    const rows = (answer.body as { items: RowJson[] }).items;
    expect(rows.map((row) => row.github_username).sort()).toEqual(DEMO_PARTICIPANTS.map((p) => p.githubUsername).sort());
    for (const participant of DEMO_PARTICIPANTS) {
      const row = rows.find((candidate) => candidate.github_username === participant.githubUsername)!;
      const verifiedGithubDays = participant.activeDaysAgo.length - (participant.rejectedDays?.length ?? 0);
      // Every verified entry counts 60 (the local verifier's confidence for a url of the participant).
      expect(row.github_streak, participant.githubUsername).toBe(currentStreak(participant.activeDaysAgo));
      expect(row.total_score >= verifiedGithubDays * 60, participant.githubUsername).toBe(true);
      expect(row.total_score > 0).toBe(participant.activeDaysAgo.length > 0);
      const quietDays = participant.activeDaysAgo.length > 0 ? Math.min(...participant.activeDaysAgo) : 0;
      const expectedStatus = row.days_completed === 100 ? 'completed' : quietDays > 7 ? 'inactive' : 'active';
      expect(row.status, participant.githubUsername).toBe(expectedStatus);
    }
    expect(rows.some((row) => row.github_streak > 1 && row.twitter_streak > 1)).toBe(true);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['completed', 'active', 'inactive']));
    // A lapsed streak: entries until three days ago, none since.
    expect(rows.some((row) => row.days_completed > 1 && row.github_streak === 0 && row.status === 'active')).toBe(true);
  });

  it('shows verified and rejected entries on their past local dates', async () => {
    const participant = DEMO_PARTICIPANTS.find((p) => (p.rejectedDays?.length ?? 0) > 0 && p.activeDaysAgo.includes(0))!;
    const answer = await send('get', `/profiles/${participant.githubUsername}/entries?limit=100`);
    expect(answer.status).toBe(200);
    const entries = (answer.body as { items: { day: number; entry_type: string; verified: boolean; local_date: string }[] }).items;
    const github = entries.filter((entry) => entry.entry_type === 'github');
    expect(github).toHaveLength(participant.activeDaysAgo.length);
    for (const entry of github) expect(entry.verified, `day ${entry.day}`).toBe(!participant.rejectedDays!.includes(entry.day));
    expect(new Set(entries.map((entry) => entry.local_date)).size).toBe(participant.activeDaysAgo.length);
  });

  it('prints credentials that sign in, and the demo user lists ready photos with titles and tags', async () => {
    const { username, password } = credentialsIn(demoBanner(server.url, demo));
    expect(password).toHaveLength(16);
    const login = await send('post', '/sessions', jsonBody({ username, password }));
    expect(login.status).toBe(200);
    const auth = { authorization: `Bearer ${(login.body as { access_token: string }).access_token}` };

    const list = await send('get', '/photos?limit=100&sort=filename&order=asc', { headers: auth });
    expect(list.status).toBe(200);
    const photos = (list.body as { items: PhotoJson[] }).items;
    expect(demo.photos).toBe(DEMO_PHOTOS.length);
    expect(photos.map((photo) => photo.filename)).toEqual(DEMO_PHOTOS.map((photo) => photo.filename).sort());
    for (const photo of photos) {
      const spec = DEMO_PHOTOS.find((candidate) => candidate.filename === photo.filename)!;
      expect(photo).toMatchObject({ status: 'ready', title: spec.title, tags: [...spec.tags], width: spec.width, height: spec.height });
    }

    const one = await send('get', `/photos/${photos[0]!.id}`, { headers: auth });
    const viewUrl = (one.body as { view_url: string }).view_url;
    const image = await fetch(viewUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('refuses a wrong password for the demo user, and never logs the generated one', async () => {
    const refused = await send('post', '/sessions', jsonBody({ username: demo.credentials.username, password: 'not-the-demo-password' }));
    expect(refused.status).toBe(401);
    expect(logs.lines().some((line) => line.msg === 'demo data loaded')).toBe(true);
    expect(logs.text()).not.toContain(demo.credentials.password);
  });

  it('generates a new password per run', async () => {
    const other = await composeDemoApp(loadHttpConfig({ PORT: '0' }), { logger: pino({ level: 'silent' }) });
    try {
      expect(other.credentials.username).toBe(demo.credentials.username);
      expect(other.credentials.password).not.toBe(demo.credentials.password);
    } finally {
      await other.composition.closers.closeAll();
    }
  });
});

describe('composeDemoApp on other adapters', () => {
  it('refuses to start with the one-line configuration message', async () => {
    await expect(composeDemoApp(loadHttpConfig({ ADAPTERS_IDENTITY: 'aws', REDIS_URL: 'redis://127.0.0.1:1' }), { logger: pino({ level: 'silent' }) })).rejects.toThrow(
      /^invalid configuration: ADAPTERS: the demo \(--demo\) runs on the memory adapters only/,
    );
  });
});
