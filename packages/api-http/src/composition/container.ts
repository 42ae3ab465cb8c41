import { Container, type ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import type { Closers } from './closers.js';
import type { HttpConfig } from './config.js';
import { ClosersToken, HttpConfigToken, LoggerToken } from './tokens.js';

/**
 * Creates the app's container: singletons by default (adapters hold connections and state), the
 * app's own services bound as constants, then the given modules. Bindings must be synchronous so
 * request handlers can resolve with `container.get`: load anything asynchronous (secrets) before and
 * bind the result as a constant.
 */
export async function createContainer(
  config: HttpConfig,
  logger: Logger,
  closers: Closers,
  modules: readonly ContainerModule[],
): Promise<Container> {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(HttpConfigToken).toConstantValue(config);
  container.bind(LoggerToken).toConstantValue(logger);
  container.bind(ClosersToken).toConstantValue(closers);
  await container.loadAsync(...modules);
  return container;
}
