import type { SQSEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedMessageError, parseJsonBody } from '../../src/sqs/malformed-message.error.js';
import { createSqsBatchHandler } from '../../src/sqs/sqs-batch-handler.js';
import type { SqsConsumer } from '../../src/sqs/sqs-consumer.js';
import { captureLogs } from '../support/log-capture.js';
import { lambdaContext as context, sqsRecord as record } from '../support/sqs-events.js';

interface Job {
  readonly id: string;
  readonly fail: boolean;
}

/** Parses `{id, fail}` and fails the jobs that ask to. */
function jobConsumer(handled: string[]): SqsConsumer<Job> {
  return {
    name: 'jobs',
    parse: (body) => {
      const value = parseJsonBody(body) as Partial<Job>;
      if (typeof value.id !== 'string' || typeof value.fail !== 'boolean') throw new MalformedMessageError('not a job');
      return { id: value.id, fail: value.fail };
    },
    handle: async (job, { record: raw }) => {
      await Promise.resolve();
      if (job.fail) throw new Error(`job ${job.id} failed`);
      handled.push(`${job.id}@${raw.messageId}`);
    },
  };
}

describe('createSqsBatchHandler', () => {
  it('reports exactly the failing record and handles the others', async () => {
    const handled: string[] = [];
    const handler = createSqsBatchHandler(jobConsumer(handled), { logger: captureLogs().logger });
    const event: SQSEvent = {
      Records: [
        record('m-1', JSON.stringify({ id: 'a', fail: false })),
        record('m-2', JSON.stringify({ id: 'b', fail: true })),
        record('m-3', JSON.stringify({ id: 'c', fail: false })),
      ],
    };
    const response = await handler(event, context);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }] });
    expect(handled.sort()).toEqual(['a@m-1', 'c@m-3']);
  });

  it('fails malformed messages without logging their body', async () => {
    const logs = captureLogs();
    const handler = createSqsBatchHandler(jobConsumer([]), { logger: logs.logger });
    const response = await handler(
      { Records: [record('m-1', 'not json secret-body'), record('m-2', '{"id":"x"}'), record('m-3', '{"id":"y","fail":false}')] },
      context,
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-2' }]);
    expect(logs.text()).not.toContain('secret-body');
    const lines = logs.text().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.msg === 'malformed message').map((line) => line.message_id)).toEqual(['m-1', 'm-2']);
  });

  it('reports a fully failed batch item by item instead of throwing', async () => {
    const handler = createSqsBatchHandler(jobConsumer([]), { logger: captureLogs().logger });
    const response = await handler(
      { Records: [record('m-1', '{"id":"a","fail":true}'), record('m-2', '{"id":"b","fail":true}', { receiveCount: 3 })] },
      context,
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-2' }]);
  });

  it('logs handler failures with the message id, receive count and error', async () => {
    const logs = captureLogs();
    const handler = createSqsBatchHandler(jobConsumer([]), { logger: logs.logger });
    await handler({ Records: [record('m-9', '{"id":"z","fail":true}', { receiveCount: 4 })] }, context);
    const failure = logs
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'message failed');
    expect(failure).toMatchObject({ level: 50, consumer: 'jobs', message_id: 'm-9', receive_count: 4, err: { message: 'job z failed' } });
  });

  it('for any batch, reports exactly the records that failed, sequentially or in parallel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }), fc.boolean(), async (failures, parallel) => {
        const handled: string[] = [];
        const handler = createSqsBatchHandler(jobConsumer(handled), { logger: captureLogs().logger, processInParallel: parallel });
        const records = failures.map((fail, index) => record(`m-${index}`, JSON.stringify({ id: `j${index}`, fail })));
        const response = await handler({ Records: records }, context);
        const expectedFailures = failures.flatMap((fail, index) => (fail ? [{ itemIdentifier: `m-${index}` }] : []));
        expect(response.batchItemFailures).toEqual(expectedFailures);
        expect(handled.length).toBe(failures.filter((fail) => !fail).length);
      }),
      { numRuns: 50 },
    );
  });

  it('logs a record failing on its last receive once as dead-lettered, with its reason and never its body', async () => {
    const logs = captureLogs();
    const handler = createSqsBatchHandler(jobConsumer([]), { logger: logs.logger, maxReceiveCount: 3 });
    await handler(
      {
        Records: [
          record('m-1', '{"id":"early","fail":true}', { receiveCount: 2 }),
          record('m-2', '{"id":"last","fail":true}', { receiveCount: 3 }),
          record('m-3', 'secret-body', { receiveCount: 3 }),
        ],
      },
      context,
    );
    const lines = logs.lines();
    expect(lines.filter((line) => line.msg === 'message failed').map((line) => line.message_id)).toEqual(['m-1']);
    const deadLettered = lines.filter((line) => line.msg === 'message failed on its last receive: it moves to the dead-letter queue');
    expect(deadLettered.map((line) => [line.message_id, line.reason, line.max_receive_count, line.level]).sort()).toEqual([
      ['m-2', 'Error: job last failed', 3, 50],
      ['m-3', 'MalformedMessageError: message body is not JSON', 3, 50],
    ]);
    expect(logs.text()).not.toContain('secret-body');
  });
});
