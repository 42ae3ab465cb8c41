import {
  parseVariables,
  runtimeConfigFrom,
  RuntimeVariables,
  type Environment,
  type RuntimeConfig,
} from '@hdoc/composition';
import { z } from 'zod';

/** CORS_ORIGINS='*': any origin may call the API (it authenticates with bearer tokens, never cookies). */
export const ANY_ORIGIN = '*';

/**
 * The HTTP app's configuration: what every entrypoint reads (RuntimeConfig: logging, adapter
 * families, tokens, GitHub, limits, stores) and the HTTP server's own variables. Read from environment
 * variables (in AWS, filled from SSM and Secrets Manager).
 */
export interface HttpConfig extends RuntimeConfig {
  /** `PORT` (default 3000; 0 picks a free port). */
  readonly port: number;
  /** `HOST` (default 127.0.0.1; set 0.0.0.0 in a container). */
  readonly host: string;
  /** `CORS_ORIGINS`: comma-separated browser origins allowed to call the API (default none); `*` alone: any origin. */
  readonly corsOrigins: readonly string[];
  /**
   * `FRONTEND_ORIGINS`: comma-separated origins of websites that may start a GitHub sign-in with
   * `return_to` (default none; the server's own public origin is always allowed).
   */
  readonly frontendOrigins: readonly string[];
  /** `PUBLIC_BASE_URL`: where clients reach the API (used in the OpenAPI document and absolute links). */
  readonly publicBaseUrl: string | undefined;
  /** `SHUTDOWN_TIMEOUT_MS`: how long in-flight requests may take to finish on SIGTERM (default 10000). */
  readonly shutdownTimeoutMs: number;
  /** `TRUST_PROXY`: `true` behind a proxy that sets X-Forwarded-For (API Gateway, a load balancer). */
  readonly trustProxy: boolean;
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

const HttpVariables = RuntimeVariables.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORS_ORIGINS: commaSeparated(corsOrigin).refine((list) => !list.includes(ANY_ORIGIN) || list.length === 1, {
    message: '* (any origin) cannot be combined with other origins',
  }),
  FRONTEND_ORIGINS: commaSeparated(origin),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

/** Reads and validates the configuration; an empty variable counts as unset. Throws ConfigError naming every bad variable. */
export function loadHttpConfig(environment: Environment): HttpConfig {
  const env = parseVariables(HttpVariables, environment);
  return {
    ...runtimeConfigFrom(env),
    port: env.PORT,
    host: env.HOST,
    corsOrigins: env.CORS_ORIGINS,
    frontendOrigins: env.FRONTEND_ORIGINS,
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY === 'true',
  };
}
