import { randomUUID } from 'node:crypto';
import { DeleteQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { provisionQueue, type ProvisionedQueue, type QueueSpec } from '../../src/index.js';
import { motoClientConfig } from '../support/moto-clients.js';

/** A queue (with its dead-letter queue) of the test's own on the shared moto_server. */
export interface MotoQueue {
  readonly client: SQSClient;
  readonly queue: ProvisionedQueue;
  /** Messages in the queue, visible or in flight. */
  readonly depth: () => Promise<number>;
  /** Deletes both queues and closes the client. */
  readonly remove: () => Promise<void>;
}

/** A queue name no other test uses. */
export const uniqueQueueName = (purpose: string): string => `hdoc-test-${purpose}-${randomUUID().slice(0, 12)}`;

/** Provisions a fresh queue through the adapters' own provisioning; tests isolate themselves by queue. */
export async function createMotoQueue(purpose: string, spec: Omit<QueueSpec, 'name'> = {}): Promise<MotoQueue> {
  const client = new SQSClient(motoClientConfig());
  const queue = await provisionQueue(client, { ...spec, name: uniqueQueueName(purpose) });
  const depth = async (): Promise<number> => {
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible);
  };
  const remove = async (): Promise<void> => {
    await client.send(new DeleteQueueCommand({ QueueUrl: queue.url }));
    await client.send(new DeleteQueueCommand({ QueueUrl: queue.deadLetterUrl }));
    client.destroy();
  };
  return { client, queue, depth, remove };
}
