import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../http/logging/logger.js';

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
  /** `CORS_ORIGINS`: comma-separated browser origins allowed to call the API (default none). */
  readonly corsOrigins: readonly string[];
  /** `PUBLIC_BASE_URL`: where clients reach the API (used in the OpenAPI document and absolute links). */
  readonly publicBaseUrl: string | undefined;
  /** `ADAPTERS`: `memory` (default, no setup) or `aws`. */
  readonly adapters: AdapterMode;
  /** `SHUTDOWN_TIMEOUT_MS`: how long in-flight requests may take to finish on SIGTERM (default 10000). */
  readonly shutdownTimeoutMs: number;
  /** `TRUST_PROXY`: `true` behind a proxy that sets X-Forwarded-For (API Gateway, a load balancer). */
  readonly trustProxy: boolean;
}

/** The configuration is invalid; the message names the variables, never their values (they may be secrets). */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const origin = z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).origin === value, {
  message: 'must be an origin such as https://app.example.com (scheme, host, optional port; no path)',
});

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(origin)),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ADAPTERS: z.enum(['memory', 'aws']).default('memory'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
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
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    adapters: env.ADAPTERS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY === 'true',
  };
}
