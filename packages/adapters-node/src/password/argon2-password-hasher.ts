import { hash, parseOptions, verify, type Algorithm, type Version } from '@node-rs/argon2';
import type { PasswordHasher } from '@hdoc/domain';
import { ConcurrencyLimit, threadpoolSize } from './concurrency-limit.js';

/** The argon2 cost parameters a hash is made with. */
export interface Argon2Parameters {
  /** Memory in KiB. */
  readonly memoryCost: number;
  /** Passes over the memory. */
  readonly timeCost: number;
  /** Lanes. */
  readonly parallelism: number;
}

/** OWASP's argon2id recommendation: m = 19 MiB, t = 2, p = 1. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The package declares these as ambient const enums, which isolatedModules cannot read.
const ARGON2ID = 2 as Algorithm;
const VERSION_0X13 = 1 as Version;

/** Tuning that does not change the hashes. */
export interface Argon2HasherOptions {
  /**
   * Hashes computed at once; the rest queue. Default: the threadpool size minus one (at least 1),
   * so a burst of logins never holds every threadpool thread that DNS, file I/O and WebCrypto need.
   */
  readonly maxConcurrent?: number;
}

/**
 * argon2id through @node-rs/argon2, whose async calls run on the libuv threadpool, so hashing never
 * blocks the event loop. Hashes are PHC strings (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`)
 * that carry their parameters: old hashes keep verifying and `needsRehash` spots them.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private readonly slots: ConcurrencyLimit;

  constructor(
    private readonly parameters: Argon2Parameters = OWASP_ARGON2ID,
    options: Argon2HasherOptions = {},
  ) {
    this.slots = new ConcurrencyLimit(options.maxConcurrent ?? Math.max(1, threadpoolSize() - 1));
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => hash(password, { ...this.parameters, algorithm: ARGON2ID, version: VERSION_0X13 }));
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.slots.run(() => verify(passwordHash, password));
  }

  needsRehash(passwordHash: string): boolean {
    try {
      const used = parseOptions(passwordHash);
      return (
        used.algorithm !== ARGON2ID ||
        used.version !== VERSION_0X13 ||
        used.memoryCost !== this.parameters.memoryCost ||
        used.timeCost !== this.parameters.timeCost ||
        used.parallelism !== this.parameters.parallelism
      );
    } catch {
      // Not a hash we can read: whatever it is, it is not at the current parameters.
      return true;
    }
  }
}
