import type { SQSRecord } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQueuePoller } from '../../src/poller/queue-poller.js';
import type { QueueSource } from '../../src/poller/queue-source.js';
import { MalformedMessageError } from '../../src/sqs/malformed-message.error.js';
import { createSqsBatchHandler } from '../../src/sqs/sqs-batch-handler.js';
import type { SqsConsumer } from '../../src/sqs/sqs-consumer.js';
import { captureLogs } from '../support/log-capture.js';
import { sqsRecord } from '../support/sqs-events.js';

/**
 * SQS in miniature: up to `batchSize` visible messages per receive; a received message is invisible
 * until deleted or until the next receive after the batch (visibility timeout 0); after
 * `maxReceiveCount` receives it moves to the dead-letter queue. With nothing visible, `receive`
 * reports idle and waits (like a long poll) until the signal aborts.
 */
class FakeQueue implements QueueSource {
  private readonly visible: { id: string; body: string; receives: number }[] = [];
  private inFlight: { id: string; body: string; receives: number }[] = [];
  readonly deadLetters: string[] = [];
  readonly deleted: string[] = [];
  private sent = 0;
  receiveFailures = 0;
  deleteFailures = 0;
  onIdle: () => void = () => undefined;

  constructor(private readonly batchSize = 3, private readonly maxReceiveCount = 3) {}

  send(...bodies: string[]): void {
    for (const body of bodies) this.visible.push({ id: `m-${(this.sent += 1)}`, body, receives: 0 });
  }

  async receive(signal: AbortSignal): Promise<readonly SQSRecord[]> {
    await Promise.resolve();
    // Whatever was received and not deleted becomes visible again.
    for (const message of this.inFlight.splice(0)) {
      if (message.receives >= this.maxReceiveCount) this.deadLetters.push(message.body);
      else this.visible.push(message);
    }
    if (this.receiveFailures > 0) {
      this.receiveFailures -= 1;
      throw new Error('ECONNRESET');
    }
    if (this.visible.length === 0) {
      this.onIdle();
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        else signal.addEventListener('abort', () => resolve(), { once: true });
      });
      return [];
    }
    this.inFlight = this.visible.splice(0, this.batchSize);
    return this.inFlight.map((message) => {
      message.receives += 1;
      return sqsRecord(message.id, message.body, { receiveCount: message.receives });
    });
  }

  async delete(messages: readonly SQSRecord[]): Promise<void> {
    await Promise.resolve();
    if (this.deleteFailures > 0) {
      this.deleteFailures -= 1;
      throw new Error('ThrottlingException');
    }
    const ids = new Set(messages.map((message) => message.messageId));
    this.deleted.push(...this.inFlight.filter((message) => ids.has(message.id)).map((message) => message.body));
    this.inFlight = this.inFlight.filter((message) => !ids.has(message.id));
  }
}

/** Bodies `ok:<n>` succeed, `fail:<n>` throw, anything else is malformed. */
function consumer(handled: string[]): SqsConsumer<string> {
  return {
    name: 'test',
    parse: (body) => {
      if (!/^(ok|fail):\d+$/.test(body)) throw new MalformedMessageError('not a test message');
      return body;
    },
    handle: async (body) => {
      await Promise.resolve();
      if (body.startsWith('fail')) throw new Error(`${body} failed`);
      handled.push(body);
    },
  };
}

async function runUntilIdle(queue: FakeQueue, handled: string[], retryDelayMs = 1) {
  const logs = captureLogs();
  const controller = new AbortController();
  queue.onIdle = () => controller.abort();
  await runQueuePoller({
    source: queue,
    handler: createSqsBatchHandler(consumer(handled), { logger: logs.logger }),
    logger: logs.logger,
    signal: controller.signal,
    retryDelayMs,
  });
  return logs;
}

describe('runQueuePoller', () => {
  it('deletes what succeeded; failures come back until they are dead-lettered', async () => {
    const queue = new FakeQueue(3, 3);
    queue.send('ok:1', 'fail:2', 'garbage', 'ok:3', 'ok:4');
    const handled: string[] = [];
    await runUntilIdle(queue, handled);
    expect(handled.sort()).toEqual(['ok:1', 'ok:3', 'ok:4']);
    expect(queue.deleted.sort()).toEqual(['ok:1', 'ok:3', 'ok:4']);
    expect(queue.deadLetters.sort()).toEqual(['fail:2', 'garbage']);
  });

  it('for any mix of messages, each good one is handled and deleted once and every bad one dead-lettered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('ok', 'fail', 'junk'), { maxLength: 15 }), fc.integer({ min: 1, max: 10 }), async (kinds, batchSize) => {
        const queue = new FakeQueue(batchSize, 2);
        const bodies = kinds.map((kind, index) => `${kind}:${index}`);
        queue.send(...bodies);
        const handled: string[] = [];
        await runUntilIdle(queue, handled);
        const good = bodies.filter((body) => body.startsWith('ok'));
        expect(handled.sort()).toEqual([...good].sort());
        expect(queue.deleted.sort()).toEqual([...good].sort());
        expect(queue.deadLetters.sort()).toEqual(bodies.filter((body) => !body.startsWith('ok')).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('keeps polling after a failed receive', async () => {
    const queue = new FakeQueue();
    queue.send('ok:1');
    queue.receiveFailures = 2;
    const handled: string[] = [];
    const logs = await runUntilIdle(queue, handled);
    expect(handled).toEqual(['ok:1']);
    expect(logs.lines().filter((line) => line.msg === 'receiving messages failed; retrying')).toHaveLength(2);
  });

  it('loses nothing when a delete fails: the messages are processed again (consumers are idempotent)', async () => {
    const queue = new FakeQueue();
    queue.send('ok:1', 'ok:2');
    queue.deleteFailures = 1;
    const handled: string[] = [];
    const logs = await runUntilIdle(queue, handled);
    expect(handled.sort()).toEqual(['ok:1', 'ok:1', 'ok:2', 'ok:2']);
    expect(queue.deleted.sort()).toEqual(['ok:1', 'ok:2']);
    expect(logs.lines().find((line) => line.msg === 'deleting processed messages failed; they will be redelivered')).toMatchObject({ count: 2 });
  });

  it('finishes and deletes the batch in progress when stopped, then stops', async () => {
    const queue = new FakeQueue(5);
    queue.send('ok:1', 'ok:2', 'ok:3');
    const controller = new AbortController();
    const handled: string[] = [];
    const slow: SqsConsumer<string> = {
      ...consumer(handled),
      handle: async (body) => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 5));
        handled.push(body);
      },
    };
    const logs = captureLogs();
    await runQueuePoller({ source: queue, handler: createSqsBatchHandler(slow, { logger: logs.logger }), logger: logs.logger, signal: controller.signal });
    expect(handled.sort()).toEqual(['ok:1', 'ok:2', 'ok:3']);
    expect(queue.deleted.sort()).toEqual(['ok:1', 'ok:2', 'ok:3']);
  });

  it('stops while waiting for messages', async () => {
    const queue = new FakeQueue();
    const controller = new AbortController();
    queue.onIdle = () => setTimeout(() => controller.abort(), 10);
    const logs = captureLogs();
    const started = performance.now();
    await runQueuePoller({ source: queue, handler: createSqsBatchHandler(consumer([]), { logger: logs.logger }), logger: logs.logger, signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('processes up to `concurrency` batches at once', async () => {
    const controller = new AbortController();
    let inProgress = 0;
    let most = 0;
    let received = 0;
    const source: QueueSource = {
      receive: async (signal) => {
        if (received === 6) {
          controller.abort();
          return [];
        }
        received += 1;
        await Promise.resolve();
        return signal.aborted ? [] : [sqsRecord(`m-${received}`, 'ok:1')];
      },
      delete: async () => undefined,
    };
    const slow: SqsConsumer<string> = {
      ...consumer([]),
      handle: async () => {
        inProgress += 1;
        most = Math.max(most, inProgress);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inProgress -= 1;
      },
    };
    const logs = captureLogs();
    await runQueuePoller({ source, handler: createSqsBatchHandler(slow, { logger: logs.logger }), logger: logs.logger, signal: controller.signal, concurrency: 3 });
    expect(most).toBe(3);
  });
});
