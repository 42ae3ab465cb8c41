import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { installSignalShutdown } from '../../src/process/signal-shutdown.js';

describe('installSignalShutdown', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it('stops gracefully on the first signal and exits 0; a second signal exits 1 at once', async () => {
    const exits: number[] = [];
    let finish!: () => void;
    const stopping = new Promise<void>((resolve) => (finish = resolve));
    let stops = 0;
    ({ dispose } = installSignalShutdown({
      logger: pino({ level: 'silent' }),
      stop: () => {
        stops += 1;
        return stopping;
      },
      exit: (code) => exits.push(code),
    }));
    process.emit('SIGTERM', 'SIGTERM');
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    finish();
    await stopping;
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1, 0]);
    expect(stops).toBe(1);
  });
});
