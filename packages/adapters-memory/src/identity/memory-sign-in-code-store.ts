import type { Clock, PendingSignIn, SignInCodeStore } from '@hdoc/domain';
import { ExpiringMap } from './expiring-map.js';

/** Pending GitHub sign-ins in memory, by code fingerprint, expiring by the Clock; a take removes one. */
export class MemorySignInCodeStore implements SignInCodeStore {
  private readonly pending: ExpiringMap<string, PendingSignIn>;

  constructor(clock: Clock) {
    this.pending = new ExpiringMap(clock);
  }

  async save(pending: PendingSignIn): Promise<void> {
    this.pending.set(pending.codeFingerprint, { ...pending }, pending.expiresAt.getTime());
  }

  async take(codeFingerprint: string): Promise<PendingSignIn | null> {
    return this.pending.take(codeFingerprint) ?? null;
  }
}
