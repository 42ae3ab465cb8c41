import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EntryRepositoryToken, LeaderboardToken, ParticipantProgressStoreToken, ProfileRepositoryToken, VerificationQueueToken } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import { DynamoDbEntryRepository } from '../dynamodb/challenge/dynamodb-entry-repository.js';
import { DynamoDbLeaderboard } from '../dynamodb/leaderboard/dynamodb-leaderboard.js';
import { DynamoDbParticipantProgressStore } from '../dynamodb/challenge/dynamodb-participant-progress-store.js';
import { DynamoDbProfileRepository } from '../dynamodb/challenge/dynamodb-profile-repository.js';
import { openRedis } from '../redis/redis-client.js';
import { RedisLeaderboard } from '../redis/redis-leaderboard.js';
import { SqsVerificationQueue } from '../sqs/sqs-verification-queue.js';
import type { StoreInstrumentation } from '../instrumentation/store-instrumentation.js';
import { clientSettings, type GroupClients } from './group-clients.js';
import type { OpenedStores, StoreProbe } from './opened-stores.js';

/** Where the challenge group lives. */
export interface AwsChallengeStoresOptions {
  /** Region and endpoints (moto_server for SQS, DynamoDB Local locally) of the clients. */
  readonly clients: GroupClients;
  /** The challenge table (`CHALLENGE_TABLE`). */
  readonly tableName: string;
  /** The verification queue (`VERIFICATION_QUEUE_URL`). */
  readonly verificationQueueUrl: string;
  /**
   * Where the leaderboard lives: in the challenge table (`dynamodb`), or in Redis sorted sets (`redis`,
   * with its URL; `keyPrefix` isolates a stage).
   */
  readonly leaderboard: { readonly store: 'dynamodb' } | { readonly store: 'redis'; readonly url: string; readonly keyPrefix: string };
  readonly onRedisError?: (error: Error) => void;
  /** Observers of the clients created here (none in production). */
  readonly instrumentation?: StoreInstrumentation | undefined;
}

/**
 * Opens the challenge group on AWS: profiles, entries and (by default) the leaderboard on DynamoDB, the
 * verification queue on SQS, or the leaderboard in Redis sorted sets. The entry verifier is not part of
 * it: the host binds one. SDK clients connect per request and a Redis client reconnects in the
 * background, so nothing has to be up at start; `dynamodb`, `sqs` (and `redis`) probe them for readiness.
 */
export async function openAwsChallengeStores(options: AwsChallengeStoresOptions): Promise<OpenedStores> {
  const dynamoDb = new DynamoDBClient(clientSettings(options.clients, 'dynamodb'));
  const documents = DynamoDBDocumentClient.from(dynamoDb);
  const sqs = new SQSClient(clientSettings(options.clients));
  const { tableName, verificationQueueUrl, leaderboard: where } = options;
  const redis =
    where.store === 'redis' ? await openRedis({ url: where.url, ...(options.onRedisError ? { onError: options.onRedisError } : {}) }) : null;
  options.instrumentation?.onAwsClient?.(dynamoDb);
  options.instrumentation?.onAwsClient?.(sqs);
  if (redis !== null) options.instrumentation?.onRedis?.(redis);
  const leaderboard =
    redis === null || where.store !== 'redis'
      ? new DynamoDbLeaderboard({ client: documents, tableName })
      : new RedisLeaderboard(redis, { keyPrefix: where.keyPrefix });
  const progress = new DynamoDbParticipantProgressStore({
    client: documents,
    tableName,
    leaderboard: leaderboard instanceof DynamoDbLeaderboard ? { inTable: leaderboard } : { separate: leaderboard },
  });
  const module = new ContainerModule(({ bind }) => {
    bind(ParticipantProgressStoreToken).toConstantValue(progress);
    bind(ProfileRepositoryToken).toConstantValue(new DynamoDbProfileRepository({ client: documents, tableName }));
    bind(EntryRepositoryToken).toConstantValue(new DynamoDbEntryRepository({ client: documents, tableName }));
    bind(LeaderboardToken).toConstantValue(leaderboard);
    bind(VerificationQueueToken).toConstantValue(new SqsVerificationQueue({ client: sqs, queueUrl: verificationQueueUrl }));
  });
  const probes: StoreProbe[] = [
    { name: 'dynamodb', check: async () => void (await dynamoDb.send(new DescribeTableCommand({ TableName: tableName }))) },
    {
      name: 'sqs',
      check: async () =>
        void (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: verificationQueueUrl, AttributeNames: ['QueueArn'] }))),
    },
    ...(redis === null ? [] : [{ name: 'redis', check: async () => void (await redis.ping()) }]),
  ];
  return {
    module,
    probes,
    close: async () => {
      redis?.disconnect();
      dynamoDb.destroy();
      sqs.destroy();
    },
  };
}
