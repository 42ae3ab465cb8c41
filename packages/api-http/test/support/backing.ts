import type { ComposeOptions } from '../../src/composition/compose-http-app.js';
import type { HttpConfig } from '../../src/composition/config.js';
import { composeLocalApi, type LocalApi } from './local-app.js';

/** Composes the API with the worker's consumers on the queues its configuration names. */
export type ComposeApp = (config: HttpConfig, options?: Omit<ComposeOptions, 'alsoRun'>) => Promise<LocalApi>;

/**
 * What one composed app of a black-box test runs on, opened for it and closed with it: the environment
 * that selects and locates its adapters (its own schema, key prefix, tables, queues, bucket) and how
 * the app and its worker are composed. The flows take an {@link OpenBacking}; absent, the memory family
 * serves (composeLocalApi). `@hdoc/local-run`'s aws-flows tests open the whole AWS path.
 */
export interface Backing {
  readonly env: Record<string, string>;
  /** How the app is composed (default composeLocalApi: the in-process worker on the memory queues). */
  readonly compose?: ComposeApp;
  close(): Promise<void>;
}

/** Opens a backing of its own for one app. */
export type OpenBacking = () => Promise<Backing>;

/** Opens `backing` (if any), builds an app on its environment and composer, and closes it if building fails. */
export async function withBacking<T>(
  backing: OpenBacking | undefined,
  build: (env: Record<string, string>, compose: ComposeApp) => Promise<T>,
): Promise<{ app: T; closeBacking: () => Promise<void> }> {
  const opened: Backing = (await backing?.()) ?? { env: {}, close: async () => undefined };
  try {
    return { app: await build(opened.env, opened.compose ?? composeLocalApi), closeBacking: () => opened.close() };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
