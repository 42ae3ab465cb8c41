import { pino, type DestinationStream, type Logger } from 'pino';

/** Log levels accepted in configuration. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SECRET_FIELDS = ['password', 'new_password', 'refresh_token', 'access_token', 'token', 'client_secret', 'secret'];

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
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
