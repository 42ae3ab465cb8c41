import { createHash } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqsQueueSource, type SqsQueueSourceOptions } from '../../src/index.js';
import { createMotoQueue, type MotoQueue } from './moto-queue.js';

let moto: MotoQueue;

beforeEach(async () => {
  moto = await createMotoQueue('source');
});

afterEach(async () => {
  await moto.remove();
});

const never = (): AbortSignal => new AbortController().signal;
const sourceWith = (options: Partial<SqsQueueSourceOptions> = {}) =>
  new SqsQueueSource({ client: moto.client, queueUrl: moto.queue.url, waitTimeSeconds: 0, ...options });
const send = (body: string) => moto.client.send(new SendMessageCommand({ QueueUrl: moto.queue.url, MessageBody: body }));

/** Receives until `count` messages came (each receive may answer part of what is ready). */
async function receiveAll(source: SqsQueueSource, count: number): Promise<SQSRecord[]> {
  const messages: SQSRecord[] = [];
  while (messages.length < count) messages.push(...(await source.receive(never())));
  return messages;
}

describe('SqsQueueSource on moto_server', () => {
  it('delivers messages in the Lambda SQS event shape', async () => {
    const sentAt = Date.now();
    await moto.client.send(
      new SendMessageCommand({
        QueueUrl: moto.queue.url,
        MessageBody: '{"a":"é"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'job' },
          blob: { DataType: 'Binary', BinaryValue: Uint8Array.from([1, 2, 255]) },
        },
      }),
    );

    const [message, ...rest] = await sourceWith().receive(never());

    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      messageId: expect.stringMatching(/.+/u),
      receiptHandle: expect.stringMatching(/.+/u),
      body: '{"a":"é"}',
      md5OfBody: createHash('md5').update('{"a":"é"}').digest('hex'),
      messageAttributes: {
        kind: { dataType: 'String', stringValue: 'job' },
        blob: { dataType: 'Binary', binaryValue: Buffer.from([1, 2, 255]).toString('base64') },
      },
      eventSource: 'aws:sqs',
      eventSourceARN: moto.queue.arn,
      awsRegion: 'us-east-1',
    });
    expect(message!.attributes.ApproximateReceiveCount).toBe('1');
    expect(Math.abs(Number(message!.attributes.SentTimestamp) - sentAt)).toBeLessThan(60_000);
    expect(Number(message!.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(Number(message!.attributes.SentTimestamp));
  });

  it('long-polls: a wait ends empty, and an abort cuts a 20 s wait short', async () => {
    expect(await sourceWith({ waitTimeSeconds: 1 }).receive(never())).toEqual([]);

    const controller = new AbortController();
    const started = Date.now();
    const waiting = sourceWith({ waitTimeSeconds: 20 }).receive(controller.signal);
    // Give the request time to reach moto, so the abort cuts an open long poll.
    setTimeout(() => controller.abort(), 300);
    expect(await waiting).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(await sourceWith().receive(controller.signal)).toEqual([]);
  });

  it('answers a long poll as soon as a message arrives', async () => {
    const started = Date.now();
    const waiting = sourceWith({ waitTimeSeconds: 20 }).receive(never());
    await send('late');
    expect((await waiting).map((message) => message.body)).toEqual(['late']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('redelivers what was not deleted after its visibility timeout; never what was deleted or extended', async () => {
    await Promise.all(['deleted', 'extended', 'abandoned'].map(send));
    const source = sourceWith({ visibilityTimeoutSeconds: 1 });
    const received = await receiveAll(source, 3);
    const byBody = (body: string) => received.filter((message) => message.body === body);

    await source.delete(byBody('deleted'));
    await source.extendVisibility(byBody('extended'), 60);

    // Waits (long polling) for the abandoned message to come back once its second is up.
    const again = await sourceWith({ waitTimeSeconds: 10, visibilityTimeoutSeconds: 60 }).receive(never());
    expect(again.map((message) => message.body)).toEqual(['abandoned']);
    expect(again[0]!.attributes.ApproximateReceiveCount).toBe('2');
    // The extended one was due at the same instant; it stays hidden, the deleted one is gone.
    expect(await sourceWith({ waitTimeSeconds: 1 }).receive(never())).toEqual([]);
    expect(await moto.depth()).toBe(2);
  });

  it('makes messages visible again at once when their visibility is set to 0', async () => {
    await send('retry me');
    const source = sourceWith({ visibilityTimeoutSeconds: 60 });
    const first = await source.receive(never());
    await source.extendVisibility(first, 0);
    expect((await source.receive(never())).map((message) => message.body)).toEqual(['retry me']);
  });

  it('deletes and extends more than one SQS batch (10) at a time', async () => {
    await Promise.all(Array.from({ length: 23 }, (_, i) => send(`m${i}`)));
    const source = sourceWith({ visibilityTimeoutSeconds: 60 });
    const received = await receiveAll(source, 23);
    await source.extendVisibility(received, 120);
    await source.delete(received);
    expect(await moto.depth()).toBe(0);
  });

  it('throws, naming the failure, when SQS refuses to delete a message', async () => {
    await send('x');
    const [message] = await sourceWith().receive(never());
    const forged = { ...message!, receiptHandle: 'not-a-receipt-handle' };
    await expect(sourceWith().delete([forged])).rejects.toThrow(/could not delete 1 of 1 messages \(ReceiptHandleIsInvalid\)/u);
  });
});
