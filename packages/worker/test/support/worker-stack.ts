import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_AWS_SETTINGS, startLocalStack } from '@hdoc/adapters-aws/local';
import { inject } from 'vitest';
import type {} from '../../../adapters-aws/test/support/dynamodb.global-setup.js';
import type {} from '../../../adapters-aws/test/support/moto.js';

/** A provisioned AWS path of its own (tables, queues with dead-letter queues, bucket) on the run's emulators. */
export interface WorkerStack {
  /** The worker's environment: the stack's variables, identity in memory (the worker has no use for it). */
  readonly env: Readonly<Record<string, string>>;
  readonly sqs: SQSClient;
  /** Messages visible, in flight or delayed in the queue at `url`. */
  messages(url: string): Promise<{ visible: number; inFlight: number; total: number }>;
  stop(): Promise<void>;
}

/** Provisions a fresh stack under a unique prefix on the moto_server and DynamoDB Local of the run. */
export async function startWorkerStack(): Promise<WorkerStack> {
  const stack = await startLocalStack({
    prefix: `hdoc-w-${randomUUID().slice(0, 8)}`,
    motoEndpoint: inject('motoEndpoint'),
    dynamoDbEndpoint: inject('dynamoEndpoint'),
  });
  const env: Record<string, string> = { ...stack.environment, ADAPTERS_IDENTITY: 'memory', LOG_LEVEL: 'info' };
  const sqs = new SQSClient({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL'] });
  return {
    env,
    sqs,
    messages: async (url) => {
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
      const visible = Number(Attributes.ApproximateNumberOfMessages ?? 0);
      const inFlight = Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
      return { visible, inFlight, total: visible + inFlight + Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0) };
    },
    stop: async () => {
      sqs.destroy();
      await stack.stop();
    },
  };
}
