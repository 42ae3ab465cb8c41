import { createHash, randomBytes } from 'node:crypto';
import type { SecretGenerator } from '@hdoc/domain';

/** 256-bit secrets from the operating system's CSPRNG and SHA-256 fingerprints, via node:crypto. */
export class NodeCryptoSecretGenerator implements SecretGenerator {
  newSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  fingerprint(value: string): string {
    return createHash('sha256').update(value, 'utf8').digest('base64url');
  }
}
