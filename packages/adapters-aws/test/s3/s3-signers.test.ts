import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createS3Client, S3UploadUrlSigner, S3ViewUrlSigner } from '../../src/index.js';
import { checkPresignedGetUrl, parseAmzDate, verifiedPostPolicy } from './sigv4-check.js';

// Offline: presigning needs no server, and no emulator would check what is signed anyway.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const client = createS3Client({ region: 'eu-west-1', credentials });
const BUCKET = 'hdoc-prod-photos-123456789012';
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('createS3Client', () => {
  it('addresses buckets by path and computes checksums only where required', async () => {
    expect(client).toBeInstanceOf(S3Client);
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await client.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
  });
});

describe('S3UploadUrlSigner', () => {
  const signer = new S3UploadUrlSigner({ client, bucket: BUCKET });
  const request = (now: number) => ({
    key: 'photos/0193f0c2-user/0193f0c3-photo',
    contentType: 'image/heic',
    maxSize: 20 * 1024 * 1024,
    expiresAt: new Date(now + 15 * MINUTE),
  });

  it('signs a policy whose conditions are exactly the bucket, key, type, size range, expiry and signing fields', async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    const target = await signer.createUploadTarget(request(now));
    const policy = verifiedPostPolicy(target, credentials);
    const { fields } = target;

    expect(target.url).toBe(`https://s3.eu-west-1.amazonaws.com/${BUCKET}`);
    expect(policy.expiration).toBe(new Date(now + 15 * MINUTE).toISOString().replace('.000Z', 'Z'));
    expect(new Set(policy.conditions.map((condition) => JSON.stringify(condition)))).toEqual(
      new Set(
        [
          { bucket: BUCKET },
          { key: 'photos/0193f0c2-user/0193f0c3-photo' },
          { 'Content-Type': 'image/heic' },
          ['content-length-range', 1, 20 * 1024 * 1024],
          { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
          { 'X-Amz-Credential': fields['X-Amz-Credential'] },
          { 'X-Amz-Date': fields['X-Amz-Date'] },
        ].map((condition) => JSON.stringify(condition)),
      ),
    );
    // No `starts-with`: every field the client sends is pinned to one value.
    expect(policy.conditions.filter((condition) => Array.isArray(condition) && condition[0] === 'starts-with')).toEqual([]);
    expect(fields).toEqual({
      bucket: BUCKET,
      key: 'photos/0193f0c2-user/0193f0c3-photo',
      'Content-Type': 'image/heic',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': expect.stringMatching(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/u),
      'X-Amz-Date': expect.stringMatching(/^\d{8}T\d{6}Z$/u),
      Policy: expect.any(String),
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/u),
    });
    // Signed now, by these credentials.
    expect(Math.abs(parseAmzDate(fields['X-Amz-Date']!) - Date.now())).toBeLessThan(5_000);
  });

  it('states the requested expiry to the second, whatever the milliseconds of the request or of now', async () => {
    for (const offset of [0, 1, 499, 999]) {
      const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 10 * MINUTE + offset);
      const policy = verifiedPostPolicy(await signer.createUploadTarget({ ...request(0), expiresAt }), credentials);
      expect(Date.parse(policy.expiration)).toBe(Math.floor(expiresAt.getTime() / 1000) * 1000);
    }
  });

  it('produces a signature that fails for a tampered policy or another secret', async () => {
    const target = await signer.createUploadTarget(request(Date.now()));
    const forged = Buffer.from(
      Buffer.from(target.fields.Policy!, 'base64').toString('utf8').replace('"content-length-range",1,', '"content-length-range",0,'),
    ).toString('base64');
    expect(forged).not.toBe(target.fields.Policy);
    expect(() => verifiedPostPolicy({ ...target, fields: { ...target.fields, Policy: forged } }, credentials)).toThrow(/does not match/u);
    expect(() => verifiedPostPolicy(target, { ...credentials, secretAccessKey: 'other' })).toThrow(/does not match/u);
  });
});

describe('S3ViewUrlSigner', () => {
  const signer = new S3ViewUrlSigner({ client, bucket: BUCKET });
  const WINDOW = 15 * MINUTE;
  const issuedAt = new Date(Math.floor(Date.now() / WINDOW) * WINDOW);
  const request = { key: 'photos/github:ann/p 1+é', issuedAt, expiresAt: new Date(issuedAt.getTime() + 2 * WINDOW) };

  it('signs a GET of the exact key as of the window start, for the whole validity, with host alone signed', async () => {
    const url = new URL(await signer.signViewUrl(request));
    expect(url.origin).toBe('https://s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe(`/${BUCKET}/photos/github%3Aann/p%201%2B%C3%A9`);
    const amzDate = issuedAt.toISOString().replace(/[-:]|\.\d{3}/gu, '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
      'X-Amz-Credential': `AKIDEXAMPLE/${amzDate.slice(0, 8)}/eu-west-1/s3/aws4_request`,
      'X-Amz-Date': amzDate,
      'X-Amz-Expires': String(2 * WINDOW / 1000),
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/u),
      'x-id': 'GetObject',
    });
  });

  it('gives the identical URL at any system time: it depends on the request alone', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: issuedAt.getTime() + 1 });
    const early = await signer.signViewUrl(request);
    vi.setSystemTime(issuedAt.getTime() + WINDOW - 1);
    expect(await signer.signViewUrl({ ...request })).toBe(early);
  });

  it('is valid from the window start until its expiry, and for nothing but its own key', async () => {
    const url = await signer.signViewUrl(request);
    expect(checkPresignedGetUrl(url, credentials, new Date(issuedAt.getTime() + 1))).toBe('valid');
    expect(checkPresignedGetUrl(url, credentials, new Date(request.expiresAt.getTime() - 1))).toBe('valid');
    expect(checkPresignedGetUrl(url, credentials, request.expiresAt)).toBe('expired');
    expect(checkPresignedGetUrl(url.replace('p%201', 'p%202'), credentials, issuedAt)).toBe('invalid');
    expect(checkPresignedGetUrl(url.replace('X-Amz-Expires=1800', 'X-Amz-Expires=9000'), credentials, issuedAt)).toBe('invalid');
  });

  it('refuses a validity SigV4 cannot sign (none, or over seven days)', async () => {
    await expect(signer.signViewUrl({ ...request, expiresAt: issuedAt })).rejects.toThrow(RangeError);
    const eightDays = new Date(issuedAt.getTime() + 8 * 24 * 3600_000);
    await expect(signer.signViewUrl({ ...request, expiresAt: eightDays })).rejects.toThrow(RangeError);
  });
});
