import type { Clock, OAuthLoginAttempt, OAuthStateStore } from '@hdoc/domain';
import type { Cluster, Redis } from 'ioredis';
import { SingleUseJsonStore } from './single-use-json-store.js';

/** Started GitHub logins in Redis under `{oauth:<state>}`, taken once with GETDEL, expiring by the Clock. */
export class RedisOAuthStateStore implements OAuthStateStore {
  private readonly attempts: SingleUseJsonStore<OAuthLoginAttempt>;

  constructor(redis: Redis | Cluster, clock: Clock, options: { readonly keyPrefix: string }) {
    this.attempts = new SingleUseJsonStore(redis, clock, options.keyPrefix, 'oauth', (json) => ({
      state: json.state as string,
      codeVerifier: json.codeVerifier as string,
      returnTo: json.returnTo as string | null,
      expiresAt: new Date(json.expiresAt as string),
    }));
  }

  async save(attempt: OAuthLoginAttempt): Promise<void> {
    await this.attempts.put(attempt.state, attempt);
  }

  async take(state: string): Promise<OAuthLoginAttempt | null> {
    return this.attempts.take(state);
  }
}
