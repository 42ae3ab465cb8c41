import { describe, expect, it } from 'vitest';
import { NodeCryptoSecretGenerator } from '../../src/index.js';

describe('NodeCryptoSecretGenerator', () => {
  const secrets = new NodeCryptoSecretGenerator();

  it('gives distinct 256-bit base64url secrets, which are valid PKCE verifiers', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i += 1) {
      const secret = secrets.newSecret();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      seen.add(secret);
    }
    expect(seen.size).toBe(1_000);
  });

  it('fingerprints with SHA-256 as base64url: the PKCE S256 challenge of RFC 7636 appendix B', () => {
    expect(secrets.fingerprint('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(secrets.fingerprint('')).toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
  });
});
