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
}

/**
 * The AWS adapters of `groups` (today the identity group: users on PostgreSQL; sessions, rate limits,
 * OAuth states and sign-in codes on Redis). Their package is imported here, on demand, so an
 * entrypoint on the memory family never loads pg, ioredis or an SDK client. Each opened dependency
 * registers a readiness check and a closer.
 */
export async function awsFamilyModules(
  groups: readonly PortGroup[],
  config: Pick<RuntimeConfig, 'postgres' | 'redis' | 'refreshReuseGraceSeconds'>,
  context: AwsFamilyContext,
): Promise<ContainerModule[]> {
  if (!groups.includes('identity')) return [];
  const redisUrl = config.redis.url;
  // runtimeConfigFrom refuses aws identity without REDIS_URL; this guards direct callers.
  if (redisUrl === undefined) throw new Error('REDIS_URL is required for the identity group on aws');
  const { openAwsIdentityStores } = await import('@hdoc/adapters-aws/identity');
  let lastRedisError = '';
  const stores = await openAwsIdentityStores({
    postgres: {
      schema: config.postgres.schema,
      ...(config.postgres.connectionString === undefined ? {} : { connectionString: config.postgres.connectionString }),
    },
    redis: { url: redisUrl, keyPrefix: config.redis.keyPrefix },
    clock: context.clock,
    sessionPolicy: sessionPolicyOf(config),
    // ioredis reports every failed reconnect: log a change of reason once, not one line per 500 ms.
    onRedisError: (error) => {
      if (error.message === lastRedisError) return;
      lastRedisError = error.message;
      context.logger.warn({ err: { message: error.message } }, 'redis connection error');
    },
  });
  context.closers.register('identity stores (postgres, redis)', () => stores.close());
  for (const probe of stores.probes) context.readiness.register(probe);
  return [stores.module];
}
