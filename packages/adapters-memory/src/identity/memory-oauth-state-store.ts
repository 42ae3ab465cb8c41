import type { Clock, OAuthLoginAttempt, OAuthStateStore } from '@hdoc/domain';
import { ExpiringMap } from './expiring-map.js';

/** Started OAuth logins in memory, expiring by the Clock; a take removes the attempt. */
export class MemoryOAuthStateStore implements OAuthStateStore {
  private readonly attempts: ExpiringMap<string, OAuthLoginAttempt>;

  constructor(clock: Clock) {
    this.attempts = new ExpiringMap(clock);
  }

  async save(attempt: OAuthLoginAttempt): Promise<void> {
    this.attempts.set(attempt.state, { ...attempt }, attempt.expiresAt.getTime());
  }

  async take(state: string): Promise<OAuthLoginAttempt | null> {
    return this.attempts.take(state) ?? null;
  }
}
