import { pino, type DestinationStream, type Logger } from 'pino';

/** Log levels accepted in configuration. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SECRET_FIELDS = ['password', 'new_password', 'refresh_token', 'access_token', 'token', 'client_secret', 'secret', 'githubApiToken'];

/**
 * Paths pino replaces with `[redacted]` wherever they appear in a log line: credentials in headers
 * and secret-looking fields at the top level, one level down (`body.password`) and in a request body.
 * Request bodies are not logged at all; this is the net under mistakes.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `req.body.${field}`]),
];

/** Properties errors may carry that hold request content: body-parser's errors keep the raw body in `body`. */
const REQUEST_CONTENT_KEYS = ['body', 'raw', 'rawBody', 'request', 'response', '$response'];

/**
 * pino's error serializer (type, message, stack, cause, own properties) minus the properties that
 * hold request content, at every level of the cause chain: whatever error a line carries, a request
 * body never reaches the log.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const strip = (value: Record<string, unknown>, depth: number): void => {
    for (const key of REQUEST_CONTENT_KEYS) delete value[key];
    const cause = value['cause'];
    if (depth < 5 && typeof cause === 'object' && cause !== null) strip(cause as Record<string, unknown>, depth + 1);
  };
  strip(serialized, 0);
  return serialized;
}

/** The serializers every logger of the app uses. */
export const LOG_SERIALIZERS = { err: serializeError } as const;

/** Bytes a log destination gathers before writing: a write per request line was the largest cost of logging. */
const LOG_BUFFER_BYTES = 4096;
/** The longest a buffered line waits on a quiet server. */
const LOG_FLUSH_INTERVAL_MS = 1000;

/**
 * A destination (stdout by default) that writes in 4 KiB batches and at least every second.
 * Synchronous writes, as pino's default: an asynchronous write is a threadpool round trip, which
 * cost more than the write itself (`npm run bench -- http-overhead`). pino flushes it when the process exits.
 */
export function bufferedLogDestination(dest: string | number = 1): DestinationStream {
  return pino.destination({ dest, sync: true, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_INTERVAL_MS });
}

/** Structured JSON logs (ISO time, no pid/hostname noise) with secrets redacted. */
export function createLogger(options: {
  readonly level: LogLevel;
  readonly service: string;
  readonly destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      serializers: LOG_SERIALIZERS,
    },
    options.destination ?? bufferedLogDestination(),
  );
}
