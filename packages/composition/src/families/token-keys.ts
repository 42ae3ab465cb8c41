import { assertTokenKey, generateTokenKey, type TokenKey } from '@hdoc/adapters-node';
import { ConfigError } from '../config/config-error.js';
import type { RuntimeConfig } from '../config/runtime-config.js';

/** The variables naming the token keys, as errors show them. */
export const TOKEN_KEY_VARIABLES = 'TOKEN_SIGNING_KEY / TOKEN_PREVIOUS_KEY';

/** The access-token keys to sign and verify with. */
export interface TokenKeys {
  readonly current: TokenKey;
  readonly previous: TokenKey | null;
  /** False when the current key was generated for this process (no TOKEN_SIGNING_KEY). */
  readonly configured: boolean;
}

/**
 * The configured token keys, checked: a bad key is configuration (one line, no value), not a crash.
 * Without TOKEN_SIGNING_KEY the process signs with a key of its own (fine for one local process; a
 * fleet of Lambdas must share one, which the deployment stores in Secrets Manager).
 */
export async function tokenKeysOf(config: Pick<RuntimeConfig, 'tokens'>): Promise<TokenKeys> {
  const problems: string[] = [];
  const check = (key: RuntimeConfig['tokens']['signingKey'], variable: string, role: string, needsPrivate: boolean): TokenKey | undefined => {
    if (key === undefined) return undefined;
    try {
      assertTokenKey(key, role);
      if (needsPrivate && key.d === undefined) throw new Error(`${role} token key must be a private key`);
      return key;
    } catch (error) {
      problems.push(`${variable}: ${(error as Error).message} (an Ed25519 JWK: kty OKP, crv Ed25519, kid${needsPrivate ? ', d' : ''})`);
      return undefined;
    }
  };
  const current = check(config.tokens.signingKey, 'TOKEN_SIGNING_KEY', 'current', true);
  const previous = check(config.tokens.previousKey, 'TOKEN_PREVIOUS_KEY', 'previous', false) ?? null;
  if (problems.length > 0) throw new ConfigError(problems);
  return { current: current ?? (await generateTokenKey()), previous, configured: current !== undefined };
}
