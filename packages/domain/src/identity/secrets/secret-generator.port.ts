import { token } from '../../shared/token.js';

/**
 * Randomness and hashing for secrets the domain hands out: refresh tokens, OAuth `state`, PKCE
 * verifiers. The domain never stores a secret it can avoid storing, only its fingerprint.
 */
export interface SecretGenerator {
  /** A new secret of 256 bits from a CSPRNG, base64url without padding (43 characters). */
  newSecret(): string;
  /**
   * SHA-256 of the UTF-8 bytes of `value`, base64url without padding. For a PKCE verifier this is
   * exactly the S256 `code_challenge`.
   */
  fingerprint(value: string): string;
}

export const SecretGeneratorToken = token<SecretGenerator>('SecretGenerator');
