/**
 * The server side of `http-overhead`, run in its own process so the load generator does not share its
 * event loop: the real composed app (memory family, real argon2/jose, info logs to /dev/null as production
 * logs to stdout) seeded through the use cases with 1,000 leaderboard participants and one user with
 * 1,000 photos, plus one bare express app per target answering that target's exact JSON body.
 * It reports `{ targets: { public, auth }, baselines: { public, auth } }` to its parent over IPC.
 * `BENCH_LOG_LEVEL=silent` measures the stack without request logging, for comparison.
 */
import type { AddressInfo } from 'node:net';
import { MemoryObjectStorageToken, type MemoryObjectStorage } from '@hdoc/adapters-memory';
import { Authenticate, LeaderboardToken, LogIn, photoObjectKey, RequestPhotoUpload, SignUp, type Leaderboard } from '@hdoc/domain';
import express from 'express';
import { mix } from '../../../scripts/bench-kit.js';
import { composeLocalApi } from '../test/support/local-app.js';
import { loadHttpConfig } from '../src/composition/config.js';
import { bufferedLogDestination, createLogger, type LogLevel } from '@hdoc/composition';
import { png } from '@hdoc/contract-tests';

const PARTICIPANTS = 1_000;
const PHOTOS = 1_000;

async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function seedLeaderboard(leaderboard: Leaderboard): Promise<void> {
  for (let i = 0; i < PARTICIPANTS; i++) {
    await leaderboard.upsert({
      githubUsername: `participant-${i}`,
      fullName: `Participant ${i}`,
      avatarUrl: null,
      githubScore: mix(i, 1) % 5_000,
      twitterScore: mix(i, 2) % 5_000,
      daysCompleted: mix(i, 3) % 101,
      githubStreak: mix(i, 4) % 30,
      twitterStreak: mix(i, 5) % 30,
      status: i % 7 === 0 ? 'inactive' : 'active',
      version: 1,
    });
  }
}

// The production logger (redaction included), writing to /dev/null as production writes to stdout.
const logger = createLogger({
  level: (process.env.BENCH_LOG_LEVEL ?? 'info') as LogLevel,
  service: 'hdoc-bench',
  destination: bufferedLogDestination('/dev/null'),
});
const composition = await composeLocalApi(loadHttpConfig({ LOG_LEVEL: 'info', MAX_UPLOAD_BYTES: String(1024 * 1024), UPLOAD_INTENTS_PER_HOUR: String(PHOTOS) }), { logger });
const { container } = composition;
const url = await listen(composition.app);
composition.listeningAt(url);

await seedLeaderboard(container.get<Leaderboard>(LeaderboardToken));
await container.get(SignUp).execute({ username: 'bench-user', password: 'correct horse battery', clientAddress: '127.0.0.1' });
const session = await container.get(LogIn).execute({ username: 'bench-user', password: 'correct horse battery', clientAddress: '127.0.0.1' });
const actor = await container.get(Authenticate).execute({ accessToken: session.accessToken });
const storage = container.get<MemoryObjectStorage>(MemoryObjectStorageToken);
const image = png(64, 48);
for (let i = 0; i < PHOTOS; i++) {
  const { photoId } = await container
    .get(RequestPhotoUpload)
    .execute({ actor, filename: `IMG_${String(mix(i, 6) % 100_000).padStart(5, '0')}.png`, contentType: 'image/png', size: image.byteLength });
  await storage.put(photoObjectKey(actor.subject, photoId), image, 'image/png', 'ObjectCreated:Post');
}
await composition.worker.drained();

const targets = {
  public: { url: `${url}/leaderboard?limit=50`, headers: {} },
  auth: { url: `${url}/photos?limit=50`, headers: { authorization: `Bearer ${session.accessToken}` } },
};
const baselines: Record<string, string> = {};
for (const [name, target] of Object.entries(targets)) {
  const response = await fetch(target.url, { headers: target.headers });
  const body = (await response.json()) as { items: unknown[] };
  if (!response.ok || body.items.length !== 50) throw new Error(`${name}: ${response.status}, ${body.items.length} items`);
  // The baseline serializes, per request, the very body the target answers: producing JSON is not overhead.
  const bare = express();
  bare.get('/baseline', (_req, res) => {
    res.json(body);
  });
  baselines[name] = `${await listen(bare)}/baseline`;
}
process.send?.({ targets, baselines });
// The parent asks for the process's CPU time around each measurement: CPU per request is far steadier
// than requests per second on a shared machine.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpuMicros: process.cpuUsage().user + process.cpuUsage().system });
});
