import { z } from 'zod';

/** A JSON Web Key as configured; the token service checks its shape (Ed25519, kid) when importing it. */
export type JsonWebKeyObject = Readonly<Record<string, unknown>>;
import { LOG_LEVELS, type LogLevel } from '../http/logging/logger.js';

/** CORS_ORIGINS='*': any origin may call the API (it authenticates with bearer tokens, never cookies). */
export const ANY_ORIGIN = '*';

/** Which adapter family the composition root binds. */
export type AdapterMode = 'memory' | 'aws';

/** The HTTP app's configuration, read from environment variables (in AWS, filled from SSM/Secrets Manager). */
export interface HttpConfig {
  /** `PORT` (default 3000; 0 picks a free port). */
  readonly port: number;
  /** `HOST` (default 127.0.0.1; set 0.0.0.0 in a container). */
  readonly host: string;
  /** `LOG_LEVEL` (default info). */
  readonly logLevel: LogLevel;
  /** `CORS_ORIGINS`: comma-separated browser origins allowed to call the API (default none); `*` alone: any origin. */
  readonly corsOrigins: readonly string[];
  /**
   * `FRONTEND_ORIGINS`: comma-separated origins of websites that may start a GitHub sign-in with
   * `return_to` (default none; the server's own public origin is always allowed).
   */
  readonly frontendOrigins: readonly string[];
  /** `PUBLIC_BASE_URL`: where clients reach the API (used in the OpenAPI document and absolute links). */
  readonly publicBaseUrl: string | undefined;
  /** `ADAPTERS`: `memory` (default, no setup) or `aws`. */
  readonly adapters: AdapterMode;
  /** `SHUTDOWN_TIMEOUT_MS`: how long in-flight requests may take to finish on SIGTERM (default 10000). */
  readonly shutdownTimeoutMs: number;
  /** `TRUST_PROXY`: `true` behind a proxy that sets X-Forwarded-For (API Gateway, a load balancer). */
  readonly trustProxy: boolean;
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
}

/** The configuration is invalid; the message names the variables, never their values (they may be secrets). */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Whether `value` is exactly an http(s) origin: scheme, host, optional port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** One item of FRONTEND_ORIGINS: an origin. */
const origin = z.string().refine(isOrigin, {
  message: 'must be an origin such as https://app.example.com (scheme, host, optional port; no path)',
});

/** One item of CORS_ORIGINS: an origin, or `*` for any origin. */
const corsOrigin = z.string().refine((value) => value === ANY_ORIGIN || isOrigin(value), {
  message: 'must be * or an origin such as https://app.example.com (scheme, host, optional port; no path)',
});

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

/** A comma-separated list (spaces around items ignored, empty items dropped), each item checked by `item`. */
function commaSeparated<T extends z.ZodType<string, string>>(item: T) {
  return z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(item));
}

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CORS_ORIGINS: commaSeparated(corsOrigin).refine((list) => !list.includes(ANY_ORIGIN) || list.length === 1, {
    message: '* (any origin) cannot be combined with other origins',
  }),
  FRONTEND_ORIGINS: commaSeparated(origin),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ADAPTERS: z.enum(['memory', 'aws']).default('memory'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TOKEN_ISSUER: z.string().min(1).default('hdoc'),
  TOKEN_AUDIENCE: z.string().min(1).default('hdoc-api'),
  TOKEN_SIGNING_KEY: jsonWebKey.optional(),
  TOKEN_PREVIOUS_KEY: jsonWebKey.optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().default(''),
  GITHUB_WEB_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://github.com'),
  GITHUB_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.github.com'),
  LOCAL_SIGNING_SECRET: z.string().min(16).optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).max(5 * 1024 ** 3).default(20 * 1024 * 1024),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),
  SIGN_UPS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
  UPLOAD_INTENTS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(300),
  ENTRY_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(300),
});

/** Reads and validates the configuration; an empty variable counts as unset. */
export function loadHttpConfig(environment: Readonly<Record<string, string | undefined>>): HttpConfig {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const result = EnvironmentSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = result.data;
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    frontendOrigins: env.FRONTEND_ORIGINS,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    adapters: env.ADAPTERS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY === 'true',
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
    localSigningSecret: env.LOCAL_SIGNING_SECRET,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
    hourlyLimits: {
      signUps: env.SIGN_UPS_PER_HOUR,
      uploadIntents: env.UPLOAD_INTENTS_PER_HOUR,
      entrySubmissions: env.ENTRY_SUBMISSIONS_PER_HOUR,
    },
  };
}
