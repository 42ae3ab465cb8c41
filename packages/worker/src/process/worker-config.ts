import { ConfigError, loadRuntimeConfig, type Environment, type RuntimeConfig } from '@hdoc/composition';

/** What `npm run worker` reads: the runtime configuration both apps share, plus how it consumes its queues. */
export interface WorkerConfig extends RuntimeConfig {
  /** `WORKER_CONCURRENCY`: batches (of up to 10 messages) processed at once per queue, 1..50 (default 2). */
  readonly concurrency: number;
  /**
   * `WORKER_VISIBILITY_TIMEOUT_SECONDS`: visibility timeout of received messages, 2..43200 (default 60),
   * extended every half of it while a message is worked on; a crashed worker's messages come back after it.
   */
  readonly visibilityTimeoutSeconds: number;
}

function integerVariable(environment: Environment, name: string, min: number, max: number, fallback: number, problems: string[]): number {
  const text = environment[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name}: must be an integer from ${min} to ${max}`);
  return fallback;
}

/**
 * Reads the worker process's configuration. It consumes the SQS queues of the port groups running on
 * aws (the verification queue for the challenge, the photo-events queue for photos): at least one of
 * them must, and the photos group needs `PHOTO_EVENTS_QUEUE_URL`. Every problem is reported together
 * in one ConfigError naming the variables.
 */
export function loadWorkerConfig(environment: Environment): WorkerConfig {
  const problems: string[] = [];
  const concurrency = integerVariable(environment, 'WORKER_CONCURRENCY', 1, 50, 2, problems);
  const visibilityTimeoutSeconds = integerVariable(environment, 'WORKER_VISIBILITY_TIMEOUT_SECONDS', 2, 43_200, 60, problems);
  let runtime: RuntimeConfig | undefined;
  try {
    runtime = loadRuntimeConfig(environment);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.unshift(...error.problems);
  }
  if (runtime !== undefined) {
    const { challenge, photos } = runtime.adapters;
    if (challenge !== 'aws' && photos !== 'aws') {
      problems.push('ADAPTERS: the worker consumes SQS queues; set it (or ADAPTERS_CHALLENGE / ADAPTERS_PHOTOS) to aws');
    }
    if (photos === 'aws' && runtime.aws.photoEventsQueueUrl === undefined) {
      problems.push('PHOTO_EVENTS_QUEUE_URL: required when the photos group runs on aws');
    }
  }
  if (problems.length > 0 || runtime === undefined) throw new ConfigError(problems);
  return { ...runtime, concurrency, visibilityTimeoutSeconds };
}
