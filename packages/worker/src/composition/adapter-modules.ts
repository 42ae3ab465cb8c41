import { randomBytes } from 'node:crypto';
import { generateTokenKey, nodeAdaptersModule } from '@hdoc/adapters-node';
import { memoryAdaptersModule, SystemClock } from '@hdoc/adapters-memory';
import type { Clock, EntryVerifier } from '@hdoc/domain';
import type { ContainerModule } from 'inversify';
import { ConfigError, type WorkerConfig } from './worker-config.js';

/** What tests and hosts may swap in the memory family. */
export interface MemoryOverrides {
  readonly clock?: Clock;
  readonly entryVerifier?: EntryVerifier;
}

/**
 * The worker serves no URLs and issues no tokens: the memory family's URL signers and the Node
 * family's token service and GitHub client get neutral per-process settings, bound only so that every
 * use case of the catalogue resolves.
 */
const UNSERVED_BASE_URL = 'http://127.0.0.1';

/**
 * The adapter modules for the configuration: the family chosen by `ADAPTERS`, the Node-only adapters
 * every family shares (image inspection over the family's storage included).
 */
export async function adapterModulesFor(
  config: WorkerConfig,
  memory: MemoryOverrides = {},
): Promise<readonly ContainerModule[]> {
  if (config.adapters === 'aws') {
    throw new ConfigError(['ADAPTERS: the AWS adapter family is not available yet; use ADAPTERS=memory']);
  }
  const clock = memory.clock ?? new SystemClock();
  const nodeModule = await nodeAdaptersModule({
    clock,
    tokens: { issuer: 'hdoc', audience: 'hdoc-api', currentKey: await generateTokenKey(), previousKey: null },
    github: { clientId: 'hdoc-worker', clientSecret: '', redirectUri: `${UNSERVED_BASE_URL}/auth/github/callback` },
  });
  return [
    memoryAdaptersModule({
      publicBaseUrl: UNSERVED_BASE_URL,
      signingSecret: randomBytes(32).toString('base64url'),
      clock,
      ...(memory.entryVerifier ? { entryVerifier: memory.entryVerifier } : {}),
    }),
    nodeModule,
  ];
}

