import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  describeObjectStorageContract,
  describeUploadUrlSignerContract,
  describeViewUrlSignerContract,
  type SignedUploadPolicy,
} from '@hdoc/contract-tests';
import type { UploadTarget } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { S3ObjectStorage, S3UploadUrlSigner, S3ViewUrlSigner } from '../../src/index.js';
import { motoClientConfig } from '../support/moto-clients.js';
import { createMotoBucket, type MotoBucket } from './moto-bucket.js';
import { checkPresignedGetUrl, verifiedPostPolicy } from './sigv4-check.js';

const { credentials } = motoClientConfig();

/** Writes an object the way an upload would: straight to the bucket, not through the port. */
const putVia = ({ client, bucket }: MotoBucket) => async (key: string, bytes: Uint8Array, contentType: string) => {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
};

/** Posts the form as a browser would: every field, then the file last (S3 ignores fields after it). */
async function postForm(target: UploadTarget, fields: Record<string, string>, file: Uint8Array): Promise<boolean> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file], { type: fields['Content-Type'] }), 'upload.bin');
  const response = await fetch(target.url, { method: 'POST', body: form });
  await response.body?.cancel();
  return response.ok;
}

/** What the signed policy pins, read from its conditions after checking its signature. */
function decodePolicy(target: UploadTarget): SignedUploadPolicy {
  const policy = verifiedPostPolicy(target, credentials);
  const exact = (field: string): string => {
    const values = policy.conditions.flatMap((condition) =>
      Array.isArray(condition) ? [] : Object.entries(condition).filter(([name]) => name === field).map(([, value]) => value),
    );
    if (values.length !== 1) throw new Error(`the policy pins ${field} ${values.length} times`);
    return values[0]!;
  };
  const ranges = policy.conditions.filter((condition): condition is (string | number)[] =>
    Array.isArray(condition) && condition[0] === 'content-length-range');
  if (ranges.length !== 1) throw new Error('the policy has no single content-length-range');
  return {
    key: exact('key'),
    contentType: exact('Content-Type'),
    minSize: Number(ranges[0]![1]),
    maxSize: Number(ranges[0]![2]),
    expiresAt: new Date(policy.expiration),
  };
}

describeObjectStorageContract('S3ObjectStorage on moto_server', async () => {
  const bucket = await createMotoBucket('storage');
  return { storage: new S3ObjectStorage(bucket), put: putVia(bucket), cleanup: bucket.remove };
});

// moto stores any form posted to the bucket (no policy, signature, size or expiry check), so the suite
// runs without its refusal tests; the policy itself is asserted by decoding it, and the unit tests in
// s3-signers.test.ts check it condition by condition.
describeUploadUrlSignerContract(
  'S3UploadUrlSigner on moto_server',
  async () => {
    const bucket = await createMotoBucket('upload');
    return {
      signer: new S3UploadUrlSigner(bucket),
      storage: new S3ObjectStorage(bucket),
      post: postForm,
      decodePolicy,
      cleanup: bucket.remove,
    };
  },
  { enforcesPolicy: false },
);

// moto serves presigned GETs without checking their signature or expiry: the subject's fetch checks the
// SigV4 signature and expiry as S3 would (independently of the SDK), then fetches from moto.
describeViewUrlSignerContract('S3ViewUrlSigner on moto_server', async () => {
  const bucket = await createMotoBucket('view');
  return {
    signer: new S3ViewUrlSigner(bucket),
    put: putVia(bucket),
    fetch: async (url) => {
      if (checkPresignedGetUrl(url, credentials, new Date()) !== 'valid') return null;
      const response = await fetch(url);
      if (!response.ok) {
        await response.body?.cancel();
        return null;
      }
      return new Uint8Array(await response.arrayBuffer());
    },
    cleanup: bucket.remove,
  };
});

describe('what moto_server does not check (so the signers are unit-tested by decoding)', () => {
  it('stores a form that breaks its policy: another key, a larger file', async () => {
    const bucket = await createMotoBucket('lenient');
    try {
      const signer = new S3UploadUrlSigner(bucket);
      const storage = new S3ObjectStorage(bucket);
      const target = await signer.createUploadTarget({
        key: 'photos/u/p-1',
        contentType: 'image/png',
        maxSize: 2,
        expiresAt: new Date(Date.now() + 60_000),
      });
      expect(await postForm(target, { ...target.fields, key: 'photos/u/other' }, new Uint8Array(5))).toBe(true);
      expect(await storage.head('photos/u/other')).toMatchObject({ size: 5, contentType: 'image/png' });
    } finally {
      await bucket.remove();
    }
  });
});
