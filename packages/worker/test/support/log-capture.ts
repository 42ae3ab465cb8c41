import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A pino destination that keeps every line, for asserting on logs. */
export function captureLogs(): {
  readonly destination: Writable;
  readonly logger: Logger;
  text(): string;
  lines(): Record<string, unknown>[];
} {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString('utf8');
      callback();
    },
  });
  return {
    destination,
    logger: pino({ level: 'debug' }, destination),
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
