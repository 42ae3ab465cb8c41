import { randomBytes } from 'node:crypto';
import { generateTokenKey, nodeAdaptersModule, type HttpGitHubOAuthOptions, type TokenKey } from '@hdoc/adapters-node';
import {
  memoryAdaptersModule,
  resolveLocalBaseUrl,
  SystemClock,
  type LocalBaseUrl,
} from '@hdoc/adapters-memory';
import type { Clock, EntryVerifier } from '@hdoc/domain';
import type { ContainerModule } from 'inversify';
import { DEV_SIGN_IN_PATH, type DevelopmentGitHub } from '../routes/dev-sign-in/index.js';
import { applicationModule } from './application.module.js';
import { ConfigError, type HttpConfig } from './config.js';

/** What tests and hosts may swap in the memory family. */
export interface MemoryOverrides {
  readonly clock?: Clock;
  readonly entryVerifier?: EntryVerifier;
}

/** The pieces of the run every family needs besides the configuration. */
export interface ModuleContext {
  /** Where this server is reached (known once it listens). */
  readonly baseUrl: LocalBaseUrl;
  readonly memory?: MemoryOverrides;
  /** The local GitHub stand-in, when this run offers the development sign-in (no GITHUB_CLIENT_ID, not Lambda). */
  readonly developmentGitHub?: DevelopmentGitHub;
}

/**
 * The GitHub OAuth app the real adapter talks to: the configured one; else the development stand-in
 * served by this same server (local runs only); else none (GitHub sign-in answers 503).
 */
function githubOptions(config: HttpConfig, context: ModuleContext): HttpGitHubOAuthOptions | null {
  const base = (): string => resolveLocalBaseUrl(context.baseUrl);
  const redirectUri = (): string => `${base()}/auth/github/callback`;
  const { clientId } = config.github;
  if (clientId !== undefined) {
    const { clientSecret, webBaseUrl, apiBaseUrl } = config.github;
    return { clientId, clientSecret, webBaseUrl, apiBaseUrl, redirectUri };
  }
  const dev = context.developmentGitHub;
  if (dev === undefined) return null;
  return {
    clientId: dev.clientId,
    clientSecret: dev.clientSecret,
    webBaseUrl: () => `${base()}${DEV_SIGN_IN_PATH}`,
    apiBaseUrl: () => `${base()}${DEV_SIGN_IN_PATH}/api`,
    redirectUri,
  };
}

/**
 * Every module the app loads for its configuration: the adapter family (`ADAPTERS`), the Node-only
 * adapters every family shares, then the use cases. The memory family needs no setup at all: keys and
 * secrets it is not given are generated per process.
 */
export async function modulesFor(config: HttpConfig, context: ModuleContext): Promise<readonly ContainerModule[]> {
  if (config.adapters === 'aws') {
    throw new ConfigError(['ADAPTERS: the AWS adapter family is not available yet; use ADAPTERS=memory']);
  }
  const clock = context.memory?.clock ?? new SystemClock();
  const currentKey = (config.tokens.signingKey as TokenKey | undefined) ?? (await generateTokenKey());
  const nodeModule = await nodeAdaptersModule({
    clock,
    tokens: {
      issuer: config.tokens.issuer,
      audience: config.tokens.audience,
      currentKey,
      previousKey: (config.tokens.previousKey as TokenKey | undefined) ?? null,
    },
    github: githubOptions(config, context),
  });
  return [
    memoryAdaptersModule({
      publicBaseUrl: context.baseUrl,
      signingSecret: config.localSigningSecret ?? randomBytes(32).toString('base64url'),
      clock,
      ...(context.memory?.entryVerifier ? { entryVerifier: context.memory.entryVerifier } : {}),
    }),
    nodeModule,
    applicationModule(config),
  ];
}

