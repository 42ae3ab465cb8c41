import { describeVerificationQueueContract } from '@hdoc/contract-tests';
import type { SQSRecord } from 'aws-lambda';
import { expect, it } from 'vitest';
import { SqsQueueSource, SqsVerificationQueue } from '../../src/index.js';
import { createMotoQueue, type MotoQueue } from './moto-queue.js';

/** Every message in the queue, read through the package's own source and then made visible again (not consumed). */
async function readAll({ client, queue }: MotoQueue): Promise<SQSRecord[]> {
  const source = new SqsQueueSource({ client, queueUrl: queue.url, waitTimeSeconds: 0, visibilityTimeoutSeconds: 60 });
  const messages: SQSRecord[] = [];
  for (;;) {
    const batch = await source.receive(new AbortController().signal);
    if (batch.length === 0) break;
    messages.push(...batch);
  }
  await source.extendVisibility(messages, 0);
  return messages;
}

describeVerificationQueueContract('SqsVerificationQueue on moto_server', async () => {
  const moto = await createMotoQueue('verification');
  return {
    queue: new SqsVerificationQueue({ client: moto.client, queueUrl: moto.queue.url }),
    readEnqueued: async () => (await readAll(moto)).map((message) => JSON.parse(message.body)),
    cleanup: moto.remove,
  };
});

it('sends the job as the worker parses it: JSON of the four fields, nothing else', async () => {
  const moto = await createMotoQueue('verification-wire');
  try {
    const queue = new SqsVerificationQueue({ client: moto.client, queueUrl: moto.queue.url });
    const job = { githubUsername: 'octocat', day: 3, entryType: 'github' as const, url: 'https://github.com/octocat/x', extra: 'dropped' };
    await queue.enqueue(job);
    expect((await readAll(moto)).map((message) => message.body)).toEqual([
      '{"githubUsername":"octocat","day":3,"entryType":"github","url":"https://github.com/octocat/x"}',
    ]);
  } finally {
    await moto.remove();
  }
});
