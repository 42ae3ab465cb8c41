import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../logging/logger.js';
import { ConfigError } from './config-error.js';
import { parseVariables, type Environment } from './parse-variables.js';
import { ADAPTER_FAMILIES, groupVariable, PORT_GROUPS, type FamilyChoice, type PortGroup } from './port-groups.js';

/** A JSON Web Key as configured; the token service checks its shape (Ed25519, kid) when importing it. */
export type JsonWebKeyObject = Readonly<Record<string, unknown>>;

/**
 * What both apps read from their environment (in AWS filled from SSM and Secrets Manager by
 * AwsConfigLoader): logging, the adapter family of each port group, and the settings of the adapters
 * and use cases. An app adds its own variables (the HTTP server's port, CORS...) with `extend`.
 */
export interface RuntimeConfig {
  /** `LOG_LEVEL` (default info). */
  readonly logLevel: LogLevel;
  /**
   * The family of each port group: `ADAPTERS` (`memory` by default, or `aws`) for all, overridden per
   * group by `ADAPTERS_CHALLENGE`, `ADAPTERS_IDENTITY`, `ADAPTERS_PHOTOS`.
   */
  readonly adapters: FamilyChoice;
  /** Access tokens: `TOKEN_ISSUER`, `TOKEN_AUDIENCE`, and Ed25519 JWKs (JSON) `TOKEN_SIGNING_KEY` (private,
   * with `kid`; unset = an ephemeral key per process, fine for the local run) and `TOKEN_PREVIOUS_KEY`. */
  readonly tokens: {
    readonly issuer: string;
    readonly audience: string;
    readonly signingKey: JsonWebKeyObject | undefined;
    readonly previousKey: JsonWebKeyObject | undefined;
  };
  /** GitHub OAuth app: `GITHUB_CLIENT_ID`, `GITHUB_CLIENT_SECRET`, and the base URLs `GITHUB_WEB_BASE_URL`
   * (authorize, token) and `GITHUB_API_BASE_URL` (user), configurable so tests run against a fake GitHub.
   * `GITHUB_CLIENT_ID` unset: `npm start` offers the development sign-in instead, Lambda answers 503. */
  readonly github: {
    readonly clientId: string | undefined;
    readonly clientSecret: string;
    readonly webBaseUrl: string;
    readonly apiBaseUrl: string;
  };
  /**
   * Entry verification. `ENTRY_VERIFIER`: `http` asks GitHub's REST API (at `GITHUB_API_BASE_URL`, with
   * `GITHUB_API_TOKEN` when set: a secret, never logged) and X's oEmbed (`X_OEMBED_BASE_URL`, default
   * https://publish.twitter.com); `shape` answers from the url alone, offline. Default: `http` when the
   * challenge group runs on aws, `shape` on memory (`npm start` needs no network). Each request gets
   * `VERIFIER_TIMEOUT_MS` (default 5000) and `VERIFIER_MAX_ATTEMPTS` (default 3) for timeouts, network errors and 5xx.
   */
  readonly verification: {
    readonly verifier: 'http' | 'shape';
    readonly githubApiToken: string | undefined;
    readonly xOEmbedBaseUrl: string;
    readonly timeoutMs: number;
    readonly maxAttempts: number;
  };
  /** `LOCAL_SIGNING_SECRET`: HMAC key of the memory adapters' upload and view URLs (unset = random per process). */
  readonly localSigningSecret: string | undefined;
  /** `MAX_UPLOAD_BYTES`: largest photo a client may declare (default 20 MiB). */
  readonly maxUploadBytes: number;
  /** `REFRESH_REUSE_GRACE_SECONDS`: how long a used refresh token still gets a sibling pair (default 15; 0 disables). */
  readonly refreshReuseGraceSeconds: number;
  /** Hourly limits: `SIGN_UPS_PER_HOUR` per client address (default 20), `UPLOAD_INTENTS_PER_HOUR` and
   * `ENTRY_SUBMISSIONS_PER_HOUR` per principal (default 300 each). */
  readonly hourlyLimits: {
    readonly signUps: number;
    readonly uploadIntents: number;
    readonly entrySubmissions: number;
  };
  /**
   * The users' PostgreSQL (identity group on `aws`): `DATABASE_URL`, else libpq's `PGHOST`, `PGUSER`,
   * `PGPASSWORD`, `PGDATABASE`, `PGPORT` (read by pg itself); `POSTGRES_SCHEMA` (default `public`).
   */
  readonly postgres: { readonly connectionString: string | undefined; readonly schema: string };
  /** The identity group's Redis on `aws`: `REDIS_URL` (required there) and `REDIS_KEY_PREFIX` (default `hdoc:`). */
  readonly redis: { readonly url: string | undefined; readonly keyPrefix: string };
  /**
   * `SWEEP_INTERVAL_SECONDS`: how often a long-running worker (the local run's included) applies the
   * challenge's time transitions (default 300; in AWS a schedule runs the sweep Lambda instead).
   */
  readonly sweepIntervalSeconds: number;
  /**
   * Where the AWS groups' resources are: `AWS_REGION` (else `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL`
   * (one endpoint for every service: moto_server locally) and `AWS_ENDPOINT_URL_DYNAMODB` (DynamoDB
   * Local), `CHALLENGE_TABLE`, `PHOTOS_TABLE`, `PHOTOS_BUCKET`, `VERIFICATION_QUEUE_URL`,
   * `PHOTO_EVENTS_QUEUE_URL` (the names the SAM template sets). A group on aws requires its own.
   */
  readonly aws: {
    readonly region: string | undefined;
    readonly endpoint: string | undefined;
    readonly dynamoDbEndpoint: string | undefined;
    readonly tables: { readonly challenge: string | undefined; readonly photos: string | undefined };
    readonly photosBucket: string | undefined;
    readonly verificationQueueUrl: string | undefined;
    readonly photoEventsQueueUrl: string | undefined;
    /** `LEADERBOARD_STORE`: `dynamodb` (default, the challenge table) or `redis` (sorted sets at REDIS_URL). */
    readonly leaderboardStore: 'dynamodb' | 'redis';
  };
}

const jsonWebKey = z.string().transform((text, context): JsonWebKeyObject => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as JsonWebKeyObject;
  } catch {
    // reported below without echoing the (secret) value
  }
  context.addIssue({ code: 'custom', message: 'must be a JSON Web Key (JSON object)' });
  return z.NEVER;
});

const family = z.enum(ADAPTER_FAMILIES);
const httpUrl = z.url({ protocol: /^https?$/ });

/** The variables of {@link RuntimeConfig}; apps `extend` it with their own. */
export const RuntimeVariables = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ADAPTERS: family.default('memory'),
  ADAPTERS_CHALLENGE: family.optional(),
  ADAPTERS_IDENTITY: family.optional(),
  ADAPTERS_PHOTOS: family.optional(),
  TOKEN_ISSUER: z.string().min(1).default('hdoc'),
  TOKEN_AUDIENCE: z.string().min(1).default('hdoc-api'),
  TOKEN_SIGNING_KEY: jsonWebKey.optional(),
  TOKEN_PREVIOUS_KEY: jsonWebKey.optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().default(''),
  GITHUB_WEB_BASE_URL: httpUrl.default('https://github.com'),
  GITHUB_API_BASE_URL: httpUrl.default('https://api.github.com'),
  ENTRY_VERIFIER: z.enum(['http', 'shape']).optional(),
  GITHUB_API_TOKEN: z.string().min(1).optional(),
  X_OEMBED_BASE_URL: httpUrl.default('https://publish.twitter.com'),
  VERIFIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  VERIFIER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  LOCAL_SIGNING_SECRET: z.string().min(16).optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).max(5 * 1024 ** 3).default(20 * 1024 * 1024),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),
  SIGN_UPS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
  UPLOAD_INTENTS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(300),
  ENTRY_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(300),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  POSTGRES_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier').default('public'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z.string().max(64).regex(/^[^{}]*$/, 'must not contain { or }').default('hdoc:'),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  AWS_REGION: z.string().min(1).optional(),
  AWS_DEFAULT_REGION: z.string().min(1).optional(),
  AWS_ENDPOINT_URL: httpUrl.optional(),
  AWS_ENDPOINT_URL_DYNAMODB: httpUrl.optional(),
  CHALLENGE_TABLE: z.string().min(3).max(255).optional(),
  PHOTOS_TABLE: z.string().min(3).max(255).optional(),
  PHOTOS_BUCKET: z.string().min(3).max(63).optional(),
  VERIFICATION_QUEUE_URL: httpUrl.optional(),
  PHOTO_EVENTS_QUEUE_URL: httpUrl.optional(),
  LEADERBOARD_STORE: z.enum(['dynamodb', 'redis']).default('dynamodb'),
});

/** The parsed variables of {@link RuntimeVariables} (and of an app's extension of it). */
export type RuntimeVariablesOutput = z.output<typeof RuntimeVariables>;

/** Which family serves each group: the group's own variable, else `ADAPTERS`; a group on aws needs its resources named. */
function familyChoice(env: RuntimeVariablesOutput): FamilyChoice {
  const pick = (group: PortGroup) => env[groupVariable(group) as 'ADAPTERS_CHALLENGE'] ?? env.ADAPTERS;
  const choice = Object.fromEntries(PORT_GROUPS.map((group) => [group, pick(group)])) as Record<PortGroup, 'memory' | 'aws'>;
  const missing = [
    ...((choice.identity === 'aws' || (choice.challenge === 'aws' && env.LEADERBOARD_STORE === 'redis')) && env.REDIS_URL === undefined
      ? ['REDIS_URL']
      : []),
    ...(choice.challenge === 'aws' && env.CHALLENGE_TABLE === undefined ? ['CHALLENGE_TABLE'] : []),
    ...(choice.challenge === 'aws' && env.VERIFICATION_QUEUE_URL === undefined ? ['VERIFICATION_QUEUE_URL'] : []),
    ...(choice.photos === 'aws' && env.PHOTOS_TABLE === undefined ? ['PHOTOS_TABLE'] : []),
    ...(choice.photos === 'aws' && env.PHOTOS_BUCKET === undefined ? ['PHOTOS_BUCKET'] : []),
  ];
  if (missing.length > 0) {
    throw new ConfigError(missing.map((variable) => `${variable}: required when its port group runs on aws`));
  }
  return choice;
}

/** Maps parsed variables to the {@link RuntimeConfig} (for apps that parsed an extension of RuntimeVariables). */
export function runtimeConfigFrom(env: RuntimeVariablesOutput): RuntimeConfig {
  const adapters = familyChoice(env);
  return {
    logLevel: env.LOG_LEVEL,
    adapters,
    tokens: {
      issuer: env.TOKEN_ISSUER,
      audience: env.TOKEN_AUDIENCE,
      signingKey: env.TOKEN_SIGNING_KEY,
      previousKey: env.TOKEN_PREVIOUS_KEY,
    },
    github: {
      clientId: env.GITHUB_CLIENT_ID,
      clientSecret: env.GITHUB_CLIENT_SECRET,
      webBaseUrl: env.GITHUB_WEB_BASE_URL.replace(/\/+$/, ''),
      apiBaseUrl: env.GITHUB_API_BASE_URL.replace(/\/+$/, ''),
    },
    verification: {
      verifier: env.ENTRY_VERIFIER ?? (adapters.challenge === 'aws' ? 'http' : 'shape'),
      githubApiToken: env.GITHUB_API_TOKEN,
      xOEmbedBaseUrl: env.X_OEMBED_BASE_URL.replace(/\/+$/, ''),
      timeoutMs: env.VERIFIER_TIMEOUT_MS,
      maxAttempts: env.VERIFIER_MAX_ATTEMPTS,
    },
    localSigningSecret: env.LOCAL_SIGNING_SECRET,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
    hourlyLimits: {
      signUps: env.SIGN_UPS_PER_HOUR,
      uploadIntents: env.UPLOAD_INTENTS_PER_HOUR,
      entrySubmissions: env.ENTRY_SUBMISSIONS_PER_HOUR,
    },
    postgres: { connectionString: env.DATABASE_URL, schema: env.POSTGRES_SCHEMA },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    sweepIntervalSeconds: env.SWEEP_INTERVAL_SECONDS,
    aws: {
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
      endpoint: env.AWS_ENDPOINT_URL,
      dynamoDbEndpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
      tables: { challenge: env.CHALLENGE_TABLE, photos: env.PHOTOS_TABLE },
      photosBucket: env.PHOTOS_BUCKET,
      verificationQueueUrl: env.VERIFICATION_QUEUE_URL,
      photoEventsQueueUrl: env.PHOTO_EVENTS_QUEUE_URL,
      leaderboardStore: env.LEADERBOARD_STORE,
    },
  };
}

/** Reads and checks the runtime configuration; throws ConfigError naming every bad variable. */
export function loadRuntimeConfig(environment: Environment): RuntimeConfig {
  return runtimeConfigFrom(parseVariables(RuntimeVariables, environment));
}
