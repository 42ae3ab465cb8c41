import {
  OAuthStateStoreToken,
  RateLimiterToken,
  SessionStoreToken,
  SignInCodeStoreToken,
  UserRepositoryToken,
  type Clock,
  type SessionPolicy,
} from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import type { StoreInstrumentation } from '../instrumentation/store-instrumentation.js';
import type { OpenedStores, StoreProbe } from './opened-stores.js';
import { createPostgresPool, type PostgresPoolOptions } from '../postgres/postgres-pool.js';
import { PostgresUserRepository } from '../postgres/postgres-user-repository.js';
import { openRedis } from '../redis/redis-client.js';
import { RedisOAuthStateStore } from '../redis/redis-oauth-state-store.js';
import { RedisRateLimiter } from '../redis/redis-rate-limiter.js';
import { RedisSessionStore } from '../redis/redis-session-store.js';
import { RedisSignInCodeStore } from '../redis/redis-sign-in-code-store.js';

/** Where the identity stores live and what they are built on. */
export interface AwsIdentityStoresOptions {
  /** The users' database (pg also reads libpq's `PG*` variables for what is left out). */
  readonly postgres: PostgresPoolOptions;
  /** The Redis of sessions, rate limits, OAuth states and sign-in codes; `keyPrefix` isolates a stage (or a test). */
  readonly redis: { readonly url: string; readonly keyPrefix: string };
  readonly clock: Clock;
  /** Sessions' lifetime bounds how long the session store's pointers and indexes live. */
  readonly sessionPolicy: Pick<SessionPolicy, 'maxLifetimeSeconds'>;
  /** Hears Redis connection errors (the client keeps reconnecting; commands fail fast meanwhile). */
  readonly onRedisError?: (error: Error) => void;
  /** Observers of the pool and client created here (none in production). */
  readonly instrumentation?: StoreInstrumentation | undefined;
}

/** The opened identity stores: UserRepository (PostgreSQL), SessionStore, RateLimiter, OAuthStateStore and SignInCodeStore (Redis). */
export type AwsIdentityStores = OpenedStores;
export type { OpenedStores, StoreProbe } from './opened-stores.js';

/**
 * Opens the identity stores of the production path: users in PostgreSQL, the rest in Redis. Neither
 * dependency has to be up: the pool connects per query and the Redis client reconnects in the
 * background, so a host started while one is down serves 503 for what needs it until it is back.
 * The schema must be migrated (`npm run migrate`, or the deploy's migration step).
 */
export async function openAwsIdentityStores(options: AwsIdentityStoresOptions): Promise<AwsIdentityStores> {
  const { clock } = options;
  const pool = createPostgresPool(options.postgres);
  const redis = await openRedis({ url: options.redis.url, ...(options.onRedisError ? { onError: options.onRedisError } : {}) });
  options.instrumentation?.onPostgresPool?.(pool);
  options.instrumentation?.onRedis?.(redis);
  const keyPrefix = options.redis.keyPrefix;
  const module = new ContainerModule(({ bind }) => {
    bind(UserRepositoryToken).toConstantValue(new PostgresUserRepository(pool));
    bind(SessionStoreToken).toConstantValue(
      new RedisSessionStore(redis, clock, { keyPrefix, maxLifetimeMs: options.sessionPolicy.maxLifetimeSeconds * 1000 }),
    );
    bind(RateLimiterToken).toConstantValue(new RedisRateLimiter(redis, clock, { keyPrefix }));
    bind(OAuthStateStoreToken).toConstantValue(new RedisOAuthStateStore(redis, clock, { keyPrefix }));
    bind(SignInCodeStoreToken).toConstantValue(new RedisSignInCodeStore(redis, clock, { keyPrefix }));
  });
  const probes: StoreProbe[] = [
    {
      name: 'postgres',
      check: async () => {
        await pool.query('select 1');
      },
    },
    {
      name: 'redis',
      check: async () => {
        await redis.ping();
      },
    },
  ];
  return {
    module,
    probes,
    close: async () => {
      redis.disconnect();
      await pool.end();
    },
  };
}
