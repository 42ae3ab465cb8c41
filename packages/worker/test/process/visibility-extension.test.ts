import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { LOCAL_AWS_SETTINGS } from '@hdoc/adapters-aws/local';
import { provisionQueue, SqsQueueSource } from '@hdoc/adapters-aws/sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../../adapters-aws/test/support/moto.js';
import { runQueuePoller } from '../../src/poller/queue-poller.js';
import { createSqsBatchHandler } from '../../src/sqs/sqs-batch-handler.js';
import type { SqsConsumer } from '../../src/sqs/sqs-consumer.js';
import { captureLogs } from '../support/log-capture.js';

const VISIBILITY_SECONDS = 2;

/** A consumer whose messages each wait for `release`; `started` counts deliveries. */
function heldConsumer() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const deliveries: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const consumer: SqsConsumer<string> = {
    name: 'slow',
    parse: (body) => body,
    handle: async (_body, { record }) => {
      deliveries.push(Number(record.attributes.ApproximateReceiveCount));
      for (const waiter of waiters.filter((entry) => entry.count <= deliveries.length)) waiter.resolve();
      await released;
    },
  };
  const delivered = (count: number) =>
    new Promise<void>((resolve) => (deliveries.length >= count ? resolve() : waiters.push({ count, resolve })));
  return { consumer, release, delivered, deliveries };
}

/** The SQS source, counting visibility extensions and announcing deletes. */
class ObservedSource extends SqsQueueSource {
  extensions = 0;
  private onExtension: (() => void)[] = [];
  private onDelete: (() => void)[] = [];

  override async extendVisibility(messages: readonly SQSRecord[], seconds: number): Promise<void> {
    await super.extendVisibility(messages, seconds);
    this.extensions += 1;
    for (const notify of this.onExtension.splice(0)) notify();
  }

  override async delete(messages: readonly SQSRecord[]): Promise<void> {
    await super.delete(messages);
    for (const notify of this.onDelete.splice(0)) notify();
  }

  async extended(count: number): Promise<void> {
    while (this.extensions < count) await new Promise<void>((resolve) => this.onExtension.push(resolve));
  }

  deleted(): Promise<void> {
    return new Promise((resolve) => this.onDelete.push(resolve));
  }
}

describe('visibility extension of messages in progress (moto SQS)', () => {
  let sqs: SQSClient;
  beforeAll(() => {
    sqs = new SQSClient({ ...LOCAL_AWS_SETTINGS, endpoint: inject('motoEndpoint') });
  });
  afterAll(() => sqs.destroy());

  async function slowMessage(extend: boolean) {
    const queue = await provisionQueue(sqs, { name: `hdoc-visibility-${randomUUID().slice(0, 8)}` });
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'slow' }));
    const source = new ObservedSource({ client: sqs, queueUrl: queue.url, visibilityTimeoutSeconds: VISIBILITY_SECONDS, waitTimeSeconds: 1 });
    const held = heldConsumer();
    const logs = captureLogs();
    const stop = new AbortController();
    const running = runQueuePoller({
      source,
      handler: createSqsBatchHandler(held.consumer, { logger: logs.logger }),
      logger: logs.logger,
      signal: stop.signal,
      // Two loops: a message becoming visible again would be picked up by the idle one.
      concurrency: 2,
      ...(extend && { visibilityTimeoutSeconds: VISIBILITY_SECONDS }),
    });
    return { source, held, stop, running };
  }

  it('keeps a message worked on for longer than the timeout from being delivered again, and stops once it is done', async () => {
    const { source, held, stop, running } = await slowMessage(true);
    await held.delivered(1);
    // Three extensions, one every second: the message has been worked on for over 1.5 timeouts.
    await source.extended(3);
    const deleted = source.deleted();
    held.release();
    await deleted;
    const extensionsWhenDone = source.extensions;
    // The absence of further extensions can only be seen by letting more than one period (1 s) pass.
    await sleep(1_500);
    stop.abort();
    await running;
    expect(held.deliveries).toEqual([1]);
    expect(source.extensions).toBe(extensionsWhenDone);
  });

  it('without it, the same slow message is delivered a second time (what the extension prevents)', async () => {
    const { held, stop, running } = await slowMessage(false);
    await held.delivered(2);
    held.release();
    stop.abort();
    await running;
    expect(held.deliveries).toEqual([1, 2]);
  });
});
