import type { ContainerModule } from 'inversify';
import type { AdapterMode } from './config.js';

/**
 * The container modules of each adapter family. Each adapter package exports ready
 * `ContainerModule`s binding its ports (`bind(Token).toResolvedValue(factory, [deps])`); the app
 * only chooses the family with `ADAPTERS`.
 */
export const ADAPTER_MODULES: Readonly<Record<AdapterMode, readonly ContainerModule[]>> = {
  memory: [],
  aws: [],
};

/**
 * Modules binding what sits on top of the ports whatever the family: the use cases, the
 * authenticator (AuthenticateToken) and the readiness checks (ReadinessCheckToken).
 */
export const APPLICATION_MODULES: readonly ContainerModule[] = [];

/** Every module the app loads for an adapter family, adapters first. */
export function modulesFor(mode: AdapterMode): readonly ContainerModule[] {
  return [...ADAPTER_MODULES[mode], ...APPLICATION_MODULES];
}
