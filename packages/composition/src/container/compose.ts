import { SystemClock, type LocalBaseUrl } from '@hdoc/adapters-memory';
import type { StoreInstrumentation } from '@hdoc/adapters-aws';
import type { HttpGitHubOAuthOptions } from '@hdoc/adapters-node';
import { ClockToken, EntryVerifierToken, TokenServiceToken, type Clock, type EntryVerifier, type TokenService } from '@hdoc/domain';
import { Container, type ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { PORT_GROUPS, PORTS_OF_GROUP, type PortGroup } from '../config/port-groups.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { awsFamilyModules } from '../families/aws-family.js';
import { entryVerifierOf } from '../families/entry-verifier.js';
import { memoryFamilyModule } from '../families/memory-family.js';
import { nodeFamilyModule, tokenSigningCheck } from '../families/node-family.js';
import { createLogger } from '../logging/logger.js';
import { applicationModule } from './application.module.js';
import { Closers } from './closers.js';
import { entrypointNeeds, type UseCaseClass } from './entrypoint-needs.js';
import { ReadinessChecks } from './readiness-checks.js';
import { resolverOf, type Resolve } from './resolver.js';

/** What an entrypoint asks the composition for. */
export interface CompositionOptions {
  /** The `service` field of every log line, e.g. `hdoc-api`. */
  readonly service: string;
  readonly config: RuntimeConfig;
  /** The use cases the entrypoint runs: only they, and what they are built from, are bound and loaded. */
  readonly useCases: readonly UseCaseClass[];
  /** Defaults to a buffered JSON logger at the configured level. */
  readonly logger?: Logger;
  /** Test doubles: a manual clock, a scripted entry verifier (memory family). */
  readonly overrides?: { readonly clock?: Clock; readonly entryVerifier?: EntryVerifier };
  /** Where the memory family's upload and view URLs point: the local server serving them. */
  readonly localBaseUrl?: LocalBaseUrl;
  /** The GitHub OAuth app, for entrypoints that sign in with GitHub (null: none configured, sign-in answers 503). */
  readonly github?: HttpGitHubOAuthOptions | null;
  /** The app's own bindings, loaded last. */
  readonly modules?: readonly ContainerModule[];
  /**
   * Observers of the clients the AWS family creates (SDK clients, the PostgreSQL pool, Redis clients),
   * e.g. to count calls per request. Leave it out in production: no client is then touched.
   */
  readonly instrumentation?: StoreInstrumentation;
}

/** A composed entrypoint: its container and what its host needs to log, probe and stop it. */
export interface Composition {
  readonly container: Container;
  readonly resolve: Resolve;
  readonly logger: Logger;
  readonly closers: Closers;
  readonly readiness: ReadinessChecks;
  readonly config: RuntimeConfig;
}

/** The groups the use cases read, split by the family configured for each. */
function groupsByFamily(ports: ReadonlySet<symbol>, config: RuntimeConfig): Record<'memory' | 'aws', PortGroup[]> {
  const needed = PORT_GROUPS.filter((group) => PORTS_OF_GROUP[group].some((port) => ports.has(port)));
  return {
    memory: needed.filter((group) => config.adapters[group] === 'memory'),
    aws: needed.filter((group) => config.adapters[group] === 'aws'),
  };
}

/**
 * The composition root both apps share: one container (singletons: adapters hold connections and
 * state) holding the entrypoint's use cases, the adapters of the family configured for each port
 * group they read, the Node-only adapters and the app's own modules. Built once per process (per
 * Lambda cold start). Throws ConfigError for a configuration it cannot serve.
 */
export async function compose(options: CompositionOptions): Promise<Composition> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel, service: options.service });
  const closers = new Closers(logger);
  const readiness = new ReadinessChecks();
  const clock = options.overrides?.clock ?? new SystemClock();
  const needs = entrypointNeeds(options.useCases);
  const groups = groupsByFamily(needs.ports, config);
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(ClockToken).toConstantValue(clock);
  // The verifier follows ENTRY_VERIFIER, not the port groups' family: it talks to GitHub and X, not to our stores.
  if (needs.ports.has(EntryVerifierToken)) {
    container.bind(EntryVerifierToken).toConstantValue(options.overrides?.entryVerifier ?? entryVerifierOf(config, clock));
  }
  try {
    const modules = [
      ...(groups.memory.length === 0
        ? []
        : [
            memoryFamilyModule(groups.memory, config, {
              clock,
              localBaseUrl: options.localBaseUrl,
            }),
          ]),
      ...(await awsFamilyModules(groups.aws, config, { clock, logger, closers, readiness, instrumentation: options.instrumentation })),
      await nodeFamilyModule(config, needs.ports, clock, options.github ?? null),
      applicationModule(needs.wirings, config),
      ...(options.modules ?? []),
    ];
    await container.loadAsync(...modules);
  } catch (error) {
    await closers.closeAll();
    throw error;
  }
  if (container.isBound(TokenServiceToken)) readiness.register(tokenSigningCheck(container.get<TokenService>(TokenServiceToken)));
  return { container, resolve: resolverOf(container), logger, closers, readiness, config };
}
