import type { StoreInstrumentation } from '@hdoc/adapters-aws';
import type { OpenedStores } from '@hdoc/adapters-aws/identity-stores';
import type { Clock } from '@hdoc/domain';
import type { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import type { PortGroup } from '../config/port-groups.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { Closers } from '../container/closers.js';
import type { ReadinessChecks } from '../container/readiness-checks.js';
import { sessionPolicyOf } from '../container/application.module.js';

/** What opening the AWS family's stores registers with the host. */
export interface AwsFamilyContext {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly closers: Closers;
  readonly readiness: ReadinessChecks;
  /** Observers of the SDK clients, the pool and the Redis clients the assemblies create (measurement only). */
  readonly instrumentation?: StoreInstrumentation | undefined;
}

/** Registers an opened group's probes and closer, and hands back its bindings. */
function adopt(name: string, stores: OpenedStores, context: AwsFamilyContext): ContainerModule {
  context.closers.register(name, () => stores.close());
  for (const probe of stores.probes) context.readiness.register(probe);
  return stores.module;
}

/**
 * The AWS adapters of `groups`: identity (users on PostgreSQL; sessions, rate limits, OAuth states and
 * sign-in codes on Redis) and photos (catalog on DynamoDB, objects and signed URLs on S3). Each group's
 * assembly is imported here, on demand, so an entrypoint loads only the clients its groups use (the
 * memory family none). Each opened dependency registers a readiness check and a closer.
 */
export async function awsFamilyModules(
  groups: readonly PortGroup[],
  config: Pick<RuntimeConfig, 'postgres' | 'redis' | 'refreshReuseGraceSeconds' | 'aws'>,
  context: AwsFamilyContext,
): Promise<ContainerModule[]> {
  const modules: ContainerModule[] = [];
  if (groups.includes('identity')) modules.push(await identityModule(config, context));
  if (groups.includes('challenge')) modules.push(await challengeModule(config, context));
  if (groups.includes('photos')) modules.push(await photosModule(config, context));
  return modules;
}

/** Logs a change of a Redis client's connection error once, not one line per reconnect attempt. */
function redisErrorLogger(context: AwsFamilyContext, client: string): (error: Error) => void {
  let last = '';
  return (error) => {
    if (error.message === last) return;
    last = error.message;
    context.logger.warn({ err: { message: error.message }, client }, 'redis connection error');
  };
}

async function challengeModule(config: Pick<RuntimeConfig, 'aws' | 'redis'>, context: AwsFamilyContext): Promise<ContainerModule> {
  const { tables, verificationQueueUrl, region, endpoint, dynamoDbEndpoint, leaderboardStore } = config.aws;
  const redisUrl = config.redis.url;
  // runtimeConfigFrom refuses the challenge group on aws without them; this guards direct callers.
  if (tables.challenge === undefined || verificationQueueUrl === undefined || (leaderboardStore === 'redis' && redisUrl === undefined)) {
    throw new Error('CHALLENGE_TABLE, VERIFICATION_QUEUE_URL (and REDIS_URL for a Redis leaderboard) are required for the challenge group on aws');
  }
  const { openAwsChallengeStores } = await import('@hdoc/adapters-aws/challenge-stores');
  const stores = await openAwsChallengeStores({
    clients: { region, endpoint, dynamoDbEndpoint },
    tableName: tables.challenge,
    verificationQueueUrl,
    leaderboard: leaderboardStore === 'redis' && redisUrl !== undefined ? { store: 'redis', url: redisUrl, keyPrefix: config.redis.keyPrefix } : { store: 'dynamodb' },
    onRedisError: redisErrorLogger(context, 'leaderboard'),
    instrumentation: context.instrumentation,
  });
  return adopt(`challenge stores (dynamodb, sqs${leaderboardStore === 'redis' ? ', redis' : ''})`, stores, context);
}

async function photosModule(config: Pick<RuntimeConfig, 'aws'>, context: AwsFamilyContext): Promise<ContainerModule> {
  const { tables, photosBucket, region, endpoint, dynamoDbEndpoint } = config.aws;
  // runtimeConfigFrom refuses the photos group on aws without them; this guards direct callers.
  if (tables.photos === undefined || photosBucket === undefined) throw new Error('PHOTOS_TABLE and PHOTOS_BUCKET are required for the photos group on aws');
  const { openAwsPhotoStores } = await import('@hdoc/adapters-aws/photo-stores');
  const stores = openAwsPhotoStores({
    clients: { region, endpoint, dynamoDbEndpoint },
    tableName: tables.photos,
    bucket: photosBucket,
    instrumentation: context.instrumentation,
  });
  return adopt('photo stores (dynamodb, s3)', stores, context);
}

async function identityModule(
  config: Pick<RuntimeConfig, 'postgres' | 'redis' | 'refreshReuseGraceSeconds'>,
  context: AwsFamilyContext,
): Promise<ContainerModule> {
  const redisUrl = config.redis.url;
  // runtimeConfigFrom refuses aws identity without REDIS_URL; this guards direct callers.
  if (redisUrl === undefined) throw new Error('REDIS_URL is required for the identity group on aws');
  const { openAwsIdentityStores } = await import('@hdoc/adapters-aws/identity-stores');
  const stores = await openAwsIdentityStores({
    postgres: {
      schema: config.postgres.schema,
      ...(config.postgres.connectionString === undefined ? {} : { connectionString: config.postgres.connectionString }),
    },
    redis: { url: redisUrl, keyPrefix: config.redis.keyPrefix },
    clock: context.clock,
    sessionPolicy: sessionPolicyOf(config),
    onRedisError: redisErrorLogger(context, 'identity'),
    instrumentation: context.instrumentation,
  });
  return adopt('identity stores (postgres, redis)', stores, context);
}
