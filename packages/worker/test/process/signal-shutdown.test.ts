import { afterEach, describe, expect, it } from 'vitest';
import { installSignalShutdown } from '../../src/process/signal-shutdown.js';
import { captureLogs } from '../support/log-capture.js';

describe('installSignalShutdown', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it('stops gracefully on the first signal and exits 0; a second signal exits 1 at once', async () => {
    const logs = captureLogs();
    const exits: number[] = [];
    let finish!: () => void;
    const stopping = new Promise<void>((resolve) => (finish = resolve));
    let stops = 0;
    dispose = installSignalShutdown({
      logger: logs.logger,
      stop: () => {
        stops += 1;
        return stopping;
      },
      exit: (code) => exits.push(code),
    });
    process.emit('SIGTERM', 'SIGTERM');
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    finish();
    await stopping;
    await Promise.resolve();
    expect(exits).toEqual([1, 0]);
    expect(stops).toBe(1);
  });
});
