import { randomBytes } from 'node:crypto';
import type { ComposeOptions, HttpConfig } from '@hdoc/api-http';
import { ConfigError, PORT_GROUPS } from '@hdoc/composition';
import { composeLocalApp, type LocalApp } from '../compose-local-app.js';
import { DEMO_PARTICIPANTS } from './demo-participants.js';
import { DEMO_PHOTOS } from './demo-photos.js';
import { seedChallenge } from './seed-challenge.js';
import { seedPhotos, type DemoCredentials } from './seed-photos.js';
import { SeedingClock } from './seeding-clock.js';

/** The demo photo user's name; the password is generated per run. */
export const DEMO_USERNAME = 'demo';

/** The composed app with its demo data, and what `npm run demo` prints once it listens. */
export interface DemoComposition {
  readonly composition: LocalApp;
  readonly credentials: DemoCredentials;
  readonly participants: number;
  readonly entries: number;
  readonly photos: number;
}

/**
 * `npm run demo` (`npm start -- --demo`): the local app (memory adapters) with demo data loaded
 * through the use cases before it serves: participants with past entries (verified by the in-process
 * worker), and a photo user with ready photos. The password is generated per run (a fixed one would be
 * a known credential on any demo reachable from a network) and returned, never logged.
 */
export async function composeDemoApp(
  config: HttpConfig,
  options: Omit<ComposeOptions, 'overrides' | 'modules' | 'alsoRun'> = {},
): Promise<DemoComposition> {
  if (PORT_GROUPS.some((group) => config.adapters[group] !== 'memory')) {
    throw new ConfigError(['ADAPTERS: the demo (--demo) runs on the memory adapters only; unset ADAPTERS and ADAPTERS_*']);
  }
  const clock = new SeedingClock();
  const composition = await composeLocalApp(config, { ...options, overrides: { clock } });
  const { worker, resolve, logger } = composition;
  try {
    const entries = await seedChallenge(DEMO_PARTICIPANTS, { resolve, clock, worker, now: new Date() });
    const credentials = { username: DEMO_USERNAME, password: randomBytes(12).toString('base64url') };
    const photos = await seedPhotos(DEMO_PHOTOS, credentials, { resolve, worker });
    logger.info({ participants: DEMO_PARTICIPANTS.length, entries, photos, demo_user: DEMO_USERNAME }, 'demo data loaded');
    return { composition, credentials, participants: DEMO_PARTICIPANTS.length, entries, photos };
  } catch (error) {
    await composition.closers.closeAll();
    throw error;
  } finally {
    clock.release();
  }
}

/** The lines `npm run demo` prints on stdout (not through the logger) once the server listens at `baseUrl`. */
export function demoBanner(baseUrl: string, demo: DemoComposition): string {
  const { username, password } = demo.credentials;
  return [
    '',
    `Demo data: ${demo.participants} participants with ${demo.entries} entries (${baseUrl}/leaderboard),`,
    `and ${demo.photos} photos of the user "${username}". Its password is generated for this run:`,
    `  username: ${username}`,
    `  password: ${password}`,
    `  curl -s -X POST ${baseUrl}/sessions -H 'content-type: application/json' \\`,
    `    -d '{"username":"${username}","password":"${password}"}'`,
    '',
    '',
  ].join('\n');
}
