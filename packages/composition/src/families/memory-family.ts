import { randomBytes } from 'node:crypto';
import { memoryAdaptersModule, type LocalBaseUrl } from '@hdoc/adapters-memory';
import type { Clock } from '@hdoc/domain';
import type { ContainerModule } from 'inversify';
import type { PortGroup } from '../config/port-groups.js';
import type { RuntimeConfig } from '../config/runtime-config.js';

/** Where the memory URLs point when no local server serves them (the worker signs no URLs). */
const UNSERVED_BASE_URL = 'http://127.0.0.1';

/** What the memory family needs from the host besides configuration. */
export interface MemoryFamilyContext {
  readonly clock: Clock;
  /** The local server serving the memory upload and view URLs. */
  readonly localBaseUrl: LocalBaseUrl | undefined;
}

/** The memory adapters of `groups`; URL signing keys it is not given are generated per process. */
export function memoryFamilyModule(
  groups: readonly PortGroup[],
  config: Pick<RuntimeConfig, 'localSigningSecret'>,
  context: MemoryFamilyContext,
): ContainerModule {
  return memoryAdaptersModule({
    groups,
    clock: context.clock,
    publicBaseUrl: context.localBaseUrl ?? UNSERVED_BASE_URL,
    signingSecret: config.localSigningSecret ?? randomBytes(32).toString('base64url'),
  });
}
