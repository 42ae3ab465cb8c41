import { ManualClock } from '@hdoc/adapters-memory';
import { UnauthorizedError } from '@hdoc/domain';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload, type JWTHeaderParameters } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTokenKey, JoseTokenService, publicTokenKey, type TokenKey } from '../../src/index.js';

const ISSUER = 'https://hdoc.test';
const AUDIENCE = 'hdoc-api';

let key: TokenKey;
let otherKey: TokenKey;

beforeAll(async () => {
  key = await generateTokenKey();
  otherKey = await generateTokenKey();
});

function service(clock: ManualClock, currentKey = key, previousKey: TokenKey | null = null) {
  return JoseTokenService.create({ issuer: ISSUER, audience: AUDIENCE, currentKey, previousKey, clock });
}

function validClaims(clock: ManualClock): JWTPayload {
  const now = Math.floor(clock.now().getTime() / 1000);
  return { iss: ISSUER, aud: AUDIENCE, sub: 'user-1', sid: 'session-1', iat: now, exp: now + 900, jti: 'j-1' };
}

function validHeader(kid = key.kid): JWTHeaderParameters {
  return { alg: 'EdDSA', typ: 'at+jwt', kid };
}

/** Signs whatever we like with a real Ed25519 private key: only the claims or header are wrong. */
async function signWith(signer: TokenKey, header: JWTHeaderParameters, payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header).sign(await importJWK(signer, 'EdDSA'));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectRejected(tokens: JoseTokenService, token: string): Promise<void> {
  await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
}

describe('JoseTokenService', () => {
  it('issues a token carrying iss, aud, sub, sid, iat, exp (15 min), jti and a kid header', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const tokens = await service(clock);
    const issued = await tokens.issue({ subject: 'user-1', sessionId: 'session-1' });
    expect(issued.expiresInSeconds).toBe(900);
    const [header, payload] = issued.token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: key.kid });
    const iat = Date.parse('2026-03-01T10:00:00Z') / 1000;
    expect(payload).toEqual({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', sid: 'session-1', iat, exp: iat + 900, jti: expect.any(String) });
    expect(await tokens.verify(issued.token)).toEqual({ subject: 'user-1', sessionId: 'session-1' });
    const again = await tokens.issue({ subject: 'user-1', sessionId: 'session-1' });
    expect(JSON.parse(Buffer.from(again.token.split('.')[1] as string, 'base64url').toString()).jti).not.toBe(payload.jti);
  });

  it('accepts a hand-signed token with the right key and claims (so the attacks below fail for their one flaw)', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    expect(await tokens.verify(await signWith(key, validHeader(), validClaims(clock)))).toEqual({ subject: 'user-1', sessionId: 'session-1' });
  });

  it('rejects alg "none"', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    await expectRejected(tokens, `${b64({ alg: 'none', typ: 'at+jwt', kid: key.kid })}.${b64(validClaims(clock))}.`);
    await expectRejected(tokens, `${b64({ alg: 'none', typ: 'at+jwt', kid: key.kid })}.${b64(validClaims(clock))}`);
  });

  it('rejects HS256 signed with the public key bytes (algorithm confusion)', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    const secrets = [
      Buffer.from(key.x, 'base64url'),
      Buffer.from(JSON.stringify(publicTokenKey(key))),
      Buffer.from(key.x),
    ];
    for (const secret of secrets) {
      const forged = await new SignJWT(validClaims(clock)).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: key.kid }).sign(secret);
      await expectRejected(tokens, forged);
    }
  });

  it('rejects another asymmetric algorithm under a trusted kid (ES256, RS256)', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    for (const alg of ['ES256', 'RS256'] as const) {
      const { privateKey } = await generateKeyPair(alg);
      const forged = await new SignJWT(validClaims(clock)).setProtectedHeader({ alg, typ: 'at+jwt', kid: key.kid }).sign(privateKey);
      await expectRejected(tokens, forged);
    }
  });

  it('rejects a tampered payload and a tampered signature', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    const { token } = await tokens.issue({ subject: 'user-1', sessionId: 'session-1' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    await expectRejected(tokens, `${header}.${b64({ ...claims, sub: 'user-2' })}.${signature}`);
    await expectRejected(tokens, `${header}.${b64({ ...claims, exp: claims.exp + 3600 })}.${signature}`);
    const flipped = Buffer.from(signature, 'base64url');
    flipped[10] = (flipped[10] as number) ^ 0x01;
    await expectRejected(tokens, `${header}.${payload}.${flipped.toString('base64url')}`);
    await expectRejected(tokens, `${header}.${payload}.`);
    await expectRejected(tokens, `${header}.${payload}`);
    await expectRejected(tokens, 'not-a-jwt');
    await expectRejected(tokens, '');
  });

  it('accepts a token until it expires at 15 minutes, then rejects it', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    const { token } = await tokens.issue({ subject: 'user-1', sessionId: 'session-1' });
    clock.advance(899_000);
    expect((await tokens.verify(token)).subject).toBe('user-1');
    clock.advance(1_000);
    await expectRejected(tokens, token);
  });

  it('rejects tokens that are not yet valid (nbf or iat in the future) or live longer than 15 minutes', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    const claims = validClaims(clock);
    const now = claims.iat as number;
    await expectRejected(tokens, await signWith(key, validHeader(), { ...claims, nbf: now + 60 }));
    await expectRejected(tokens, await signWith(key, validHeader(), { ...claims, iat: now + 60, exp: now + 960 }));
    const longLived = await signWith(key, validHeader(), { ...claims, exp: now + 86_400 });
    clock.advance(901_000);
    await expectRejected(tokens, longLived);
  });

  it('rejects a wrong issuer, a wrong audience, a wrong type and missing claims', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    const claims = validClaims(clock);
    await expectRejected(tokens, await signWith(key, validHeader(), { ...claims, iss: 'https://evil.test' }));
    await expectRejected(tokens, await signWith(key, validHeader(), { ...claims, aud: 'other-api' }));
    await expectRejected(tokens, await signWith(key, { ...validHeader(), typ: 'JWT' }, claims));
    for (const claim of ['sub', 'sid', 'exp', 'iat', 'jti', 'iss', 'aud']) {
      const { [claim]: _dropped, ...rest } = claims;
      await expectRejected(tokens, await signWith(key, validHeader(), rest));
    }
    await expectRejected(tokens, await signWith(key, validHeader(), { ...claims, sid: 42 }));
  });

  it('rejects an unknown kid, a missing kid, and a foreign key posing as a trusted kid', async () => {
    const clock = new ManualClock();
    const tokens = await service(clock);
    const claims = validClaims(clock);
    await expectRejected(tokens, await signWith(key, validHeader('some-other-kid'), claims));
    await expectRejected(tokens, await signWith(key, { alg: 'EdDSA', typ: 'at+jwt' }, claims));
    await expectRejected(tokens, await signWith(otherKey, validHeader(otherKey.kid), claims));
    await expectRejected(tokens, await signWith(otherKey, validHeader(key.kid), claims));
  });

  it('rotates keys: the previous key still verifies, new tokens use the current one, a dropped key fails', async () => {
    const clock = new ManualClock();
    const before = await service(clock, key);
    const oldToken = (await before.issue({ subject: 'user-1', sessionId: 's-1' })).token;
    const rotated = await service(clock, otherKey, publicTokenKey(key));
    expect(await rotated.verify(oldToken)).toEqual({ subject: 'user-1', sessionId: 's-1' });
    const newToken = (await rotated.issue({ subject: 'user-1', sessionId: 's-1' })).token;
    expect(JSON.parse(Buffer.from(newToken.split('.')[0] as string, 'base64url').toString()).kid).toBe(otherKey.kid);
    expect(await rotated.verify(newToken)).toEqual({ subject: 'user-1', sessionId: 's-1' });
    await expectRejected(before, newToken);
    const dropped = await service(clock, otherKey);
    await expectRejected(dropped, oldToken);
    expect((await dropped.verify(newToken)).subject).toBe('user-1');
  });

  it('refuses configuration that is not an Ed25519 private key with a kid', async () => {
    const clock = new ManualClock();
    await expect(service(clock, publicTokenKey(key))).rejects.toThrow(/private/);
    await expect(service(clock, { ...key, kid: '' })).rejects.toThrow(/kid/);
    await expect(service(clock, key, { ...publicTokenKey(otherKey), kid: key.kid })).rejects.toThrow(/another kid/);
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const ecKey = { ...(await exportJWK(privateKey)), kid: 'ec' } as unknown as TokenKey;
    await expect(service(clock, ecKey)).rejects.toThrow(/Ed25519/);
  });
});
