import { randomBytes } from 'node:crypto';
import { assertTokenKey, generateTokenKey, nodeAdaptersModule, type HttpGitHubOAuthOptions, type TokenKey } from '@hdoc/adapters-node';
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
import { sharedReadinessModule } from './readiness-checks.js';

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

const KEY_VARIABLES = 'TOKEN_SIGNING_KEY / TOKEN_PREVIOUS_KEY';

/** The configured token keys, checked: a bad key is configuration (one line, no value), not a crash. */
function configuredTokenKeys(config: HttpConfig): { current: TokenKey | undefined; previous: TokenKey | null } {
  const problems: string[] = [];
  const check = (key: HttpConfig['tokens']['signingKey'], variable: string, role: string, needsPrivate: boolean): TokenKey | undefined => {
    if (key === undefined) return undefined;
    try {
      assertTokenKey(key, role);
      if (needsPrivate && key.d === undefined) throw new Error(`${role} token key must be a private key`);
      return key;
    } catch (error) {
      problems.push(`${variable}: ${(error as Error).message} (an Ed25519 JWK: kty OKP, crv Ed25519, kid${needsPrivate ? ', d' : ''})`);
      return undefined;
    }
  };
  const current = check(config.tokens.signingKey, 'TOKEN_SIGNING_KEY', 'current', true);
  const previous = check(config.tokens.previousKey, 'TOKEN_PREVIOUS_KEY', 'previous', false) ?? null;
  if (problems.length > 0) throw new ConfigError(problems);
  return { current, previous };
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
  const { current, previous } = configuredTokenKeys(config);
  const currentKey = current ?? (await generateTokenKey());
  const nodeModule = await nodeAdaptersModule({
    clock,
    tokens: {
      issuer: config.tokens.issuer,
      audience: config.tokens.audience,
      currentKey,
      previousKey: previous,
    },
    github: githubOptions(config, context),
  }).catch((error: unknown) => {
    // jose refuses a key whose members are not valid base64url or not a curve point: still configuration.
    if (current !== undefined || previous !== null) throw new ConfigError([`${KEY_VARIABLES}: cannot be imported as Ed25519 keys`]);
    throw error;
  });
  return [
    memoryAdaptersModule({
      publicBaseUrl: context.baseUrl,
      signingSecret: config.localSigningSecret ?? randomBytes(32).toString('base64url'),
      clock,
      ...(context.memory?.entryVerifier ? { entryVerifier: context.memory.entryVerifier } : {}),
    }),
    nodeModule,
    sharedReadinessModule,
    applicationModule(config),
  ];
}

