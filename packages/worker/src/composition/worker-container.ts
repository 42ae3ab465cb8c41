import { Container } from 'inversify';
import { adapterModulesFor, type MemoryOverrides } from './adapter-modules.js';
import { applicationModule } from './application.module.js';
import type { WorkerConfig } from './worker-config.js';

/**
 * The worker's composition root: singletons (adapters hold connections and state), the adapter family
 * of the configuration, then the use-case catalogue. Built once per process (per Lambda cold start).
 * Throws ConfigError for a configuration it cannot serve.
 */
export async function createWorkerContainer(config: WorkerConfig, memory?: MemoryOverrides): Promise<Container> {
  const container = new Container({ defaultScope: 'Singleton' });
  await container.loadAsync(...(await adapterModulesFor(config, memory)), applicationModule);
  return container;
}
