/** Which adapter family the worker binds. */
export type AdapterMode = 'memory' | 'aws';

/** Log levels accepted in configuration (pino's, plus `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const ADAPTER_MODES: readonly AdapterMode[] = ['memory', 'aws'];

/** The worker's configuration, read from environment variables (in AWS, set by the SAM template). */
export interface WorkerConfig {
  /** `ADAPTERS`: `memory` (default, no setup) or `aws`. */
  readonly adapters: AdapterMode;
  /** `LOG_LEVEL` (default info). */
  readonly logLevel: LogLevel;
}

/** The configuration is invalid or asks for something missing; the message names the variables, never their values. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T | undefined {
  if (value === undefined || value === '') return fallback;
  return allowed.find((candidate) => candidate === value);
}

/** Reads and validates the configuration; an empty variable counts as unset. Reports every problem at once. */
export function loadWorkerConfig(environment: Readonly<Record<string, string | undefined>>): WorkerConfig {
  const adapters = oneOf(ADAPTER_MODES, environment.ADAPTERS, 'memory');
  const logLevel = oneOf(LOG_LEVELS, environment.LOG_LEVEL, 'info');
  const problems = [
    ...(adapters === undefined ? [`ADAPTERS: must be one of ${ADAPTER_MODES.join(', ')}`] : []),
    ...(logLevel === undefined ? [`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`] : []),
  ];
  if (adapters === undefined || logLevel === undefined) throw new ConfigError(problems);
  return { adapters, logLevel };
}
