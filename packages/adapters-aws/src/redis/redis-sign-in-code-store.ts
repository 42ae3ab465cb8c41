import type { Clock, PendingSignIn, SignInCodeStore } from '@hdoc/domain';
import type { Cluster, Redis } from 'ioredis';
import { SingleUseJsonStore } from './single-use-json-store.js';

/** Pending GitHub sign-ins in Redis under `{code:<fingerprint>}`, taken once with GETDEL, expiring by the Clock. */
export class RedisSignInCodeStore implements SignInCodeStore {
  private readonly pending: SingleUseJsonStore<PendingSignIn>;

  constructor(redis: Redis | Cluster, clock: Clock, options: { readonly keyPrefix: string }) {
    this.pending = new SingleUseJsonStore(redis, clock, options.keyPrefix, 'code', (json) => ({
      codeFingerprint: json.codeFingerprint as string,
      githubUsername: json.githubUsername as string,
      profileCreated: json.profileCreated as boolean,
      expiresAt: new Date(json.expiresAt as string),
    }));
  }

  async save(pending: PendingSignIn): Promise<void> {
    await this.pending.put(pending.codeFingerprint, pending);
  }

  async take(codeFingerprint: string): Promise<PendingSignIn | null> {
    return this.pending.take(codeFingerprint);
  }
}
