/**
 * An infrastructure dependency (database, cache, queue, object storage, identity provider) could not
 * be reached or answered with a transient failure. Adapters may throw it explicitly; the HTTP API
 * answers 503 `dependency_unavailable` for it and for every failure {@link isDependencyFailure}
 * recognises.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} is unavailable`, options);
    this.name = 'DependencyUnavailableError';
  }
}

/** Node socket errors that mean "the other side is not there (now)". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** Error names of the AWS SDK v3, undici, ioredis and our HTTP adapters for throttling, timeouts and outages. */
const TRANSIENT_NAMES = new Set([
  'UpstreamUnavailableError',
  'TimeoutError',
  'ConnectTimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'SlowDown',
  'MaxRetriesPerRequestError',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), admin/crash shutdown, too many connections,
 * and 57014 (query canceled: the pool's statement timeout, a database too slow to answer).
 */
const POSTGRES_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300|57014)$/;

/**
 * Plain errors whose only mark is their message: pg's client timeouts and lost connections, and
 * ioredis with the offline queue disabled (the fail-fast settings) when Redis is down or hung.
 */
const TRANSIENT_MESSAGES =
  /^(Connection terminated due to connection timeout|Connection terminated unexpectedly|timeout exceeded when trying to connect|Query read timeout|Stream isn't writeable and enableOfflineQueue options is false|Command timed out|Connection is closed\.)/;

/**
 * Whether `error` (or anything in its `cause` chain, or an AggregateError's members) is a failure
 * to reach infrastructure rather than a bug: only those become 503; the rest stay 500.
 */
export function isDependencyFailure(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof DependencyUnavailableError) return true;
  const { code, name, message, $metadata, cause } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    cause?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) return true;
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
  if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
  const awsStatus = $metadata?.httpStatusCode;
  if (typeof awsStatus === 'number' && awsStatus >= 500) return true;
  if (error instanceof AggregateError && error.errors.some((member) => isDependencyFailure(member, depth + 1))) {
    return true;
  }
  return isDependencyFailure(cause, depth + 1);
}
