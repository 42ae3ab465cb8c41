import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The one signature algorithm tokens use; verification accepts nothing else. */
export const TOKEN_ALGORITHM = 'EdDSA';

/** An Ed25519 key as a JWK with its `kid`: private (with `d`) to sign, public to verify only. */
export interface TokenKey extends JWK {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly d?: string;
}

/**
 * A fresh Ed25519 signing key, `kid` = its RFC 7638 thumbprint. For the local run, which has no
 * configured keys: tokens then die with the process, as local sessions do.
 */
export async function generateTokenKey(): Promise<TokenKey> {
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.x === undefined) throw new Error('unexpected key type');
  return { ...jwk, kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: await calculateJwkThumbprint(jwk) };
}

/** The public half of a key: what verification needs, safe to publish. */
export function publicTokenKey(key: TokenKey): TokenKey {
  return { kty: key.kty, crv: key.crv, x: key.x, kid: key.kid };
}

/** Checks that configuration handed over a usable key (an Ed25519 JWK with a `kid`). */
export function assertTokenKey(value: JWK, role: string): asserts value is TokenKey {
  if (value.kty !== 'OKP' || value.crv !== 'Ed25519' || typeof value.x !== 'string') {
    throw new Error(`${role} token key must be an Ed25519 JWK (kty OKP, crv Ed25519)`);
  }
  if (typeof value.kid !== 'string' || value.kid.length === 0) throw new Error(`${role} token key needs a kid`);
}
