import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './worker-config.js';

/**
 * Structured JSON logs (ISO time, no pid/hostname noise). Message bodies are never logged by the
 * consumers; the redaction is the net under mistakes.
 */
export function createWorkerLogger(options: {
  readonly level: LogLevel;
  readonly service: string;
  readonly destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['body', '*.body'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
