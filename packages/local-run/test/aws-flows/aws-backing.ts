import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_AWS_SETTINGS, startLocalStack } from '@hdoc/adapters-aws/local';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type {} from '../../../adapters-aws/test/support/dynamodb.global-setup.js';
import type {} from '../../../adapters-aws/test/support/moto.js';
import { useRealIdentityStores } from '../../../api-http/test/aws-identity/real-identity-stores.js';
import type { OpenBacking } from '../../../api-http/test/support/backing.js';
import { composeLocalApp } from '../../src/compose-local-app.js';

/** How long the worker may take to settle what one step queued (moto and DynamoDB Local are slow on a busy machine). */
const SETTLE_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 50;

/**
 * The whole AWS path for the apps of one test file (ADAPTERS=aws for every port group): each app gets
 * its own tables, queues, dead-letter queues and bucket (with the bucket -> queue notification), provisioned
 * by `startLocalStack` on the run's one DynamoDB Local and moto_server (the local-run project's global
 * setup), its own PostgreSQL schema and Redis key prefix, and is composed by `composeLocalApp`, so the
 * worker's own long-polling consumers drain its real SQS queues. Call at the top of the file.
 *
 * `worker.drained()` resolves once both queues have nothing waiting, delayed or in flight: a consumer
 * deletes a message only after handling it, and moto enqueues an S3 event before answering the upload.
 */
export function useAwsBacking(): () => OpenBacking {
  const identityStores = useRealIdentityStores();
  // The SDK clients read their credentials from the process environment.
  process.env['AWS_ACCESS_KEY_ID'] = LOCAL_AWS_SETTINGS.credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = LOCAL_AWS_SETTINGS.credentials.secretAccessKey;
  process.env['AWS_REGION'] = LOCAL_AWS_SETTINGS.region;
  return () => async () => {
    const stores = await identityStores()();
    const stack = await startLocalStack({
      prefix: `hdoc-flows-${randomUUID().slice(0, 8)}`,
      motoEndpoint: inject('motoEndpoint'),
      dynamoDbEndpoint: inject('dynamoEndpoint'),
    }).catch(async (error: unknown) => {
      await stores.close();
      throw error;
    });
    const env: Record<string, string> = { ...stack.environment, ...stores.env, ADAPTERS: 'aws' };
    const sqs = new SQSClient({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL'] });
    const queues = [env['VERIFICATION_QUEUE_URL'], env['PHOTO_EVENTS_QUEUE_URL']].filter((url) => url !== undefined);
    return {
      env,
      compose: async (config, options) => {
        const local = await composeLocalApp(config, options);
        return { ...local, worker: { drained: () => queuesDrained(sqs, queues) } };
      },
      close: async () => {
        sqs.destroy();
        await stack.stop();
        await stores.close();
      },
    };
  };
}

/** Waits until no message of `queues` is visible, delayed or in flight (also outside a test: in hooks). */
async function queuesDrained(sqs: SQSClient, queues: readonly string[]): Promise<void> {
  const pending = async (): Promise<number> => {
    const counts = await Promise.all(
      queues.map(async (QueueUrl) => {
        const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
        return ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'].reduce(
          (sum, name) => sum + Number(Attributes[name as keyof typeof Attributes] ?? 0),
          0,
        );
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  };
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (let left = await pending(); left > 0; left = await pending()) {
    if (Date.now() > deadline) throw new Error(`the worker left ${left} message(s) on its queues for ${SETTLE_TIMEOUT_MS} ms`);
    await sleep(POLL_INTERVAL_MS);
  }
}
