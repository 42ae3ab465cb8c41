import type { ObjectStorage, UploadTarget, UploadTargetRequest, UploadUrlSigner } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

export interface UploadUrlSignerSubject extends Disposable {
  readonly signer: UploadUrlSigner;
  /** Where uploads land, to observe what was stored. */
  readonly storage: ObjectStorage;
  /** Posts the form (every field of `fields`, then the file) to the target; false when refused. */
  readonly post: (target: UploadTarget, fields: Record<string, string>, file: Uint8Array) => Promise<boolean>;
  /**
   * Present when the storage behind the target enforces the signed policy (memory, real S3), with
   * the clock it checks expiry against. s3rver does not enforce policies: its suite omits it and
   * the adapter's own tests decode the policy instead.
   */
  readonly enforcement?: { readonly clock: AdjustableClock };
}

const MINUTE = 60_000;

/** The UploadUrlSigner port's documented behaviour, for every adapter. */
export function describeUploadUrlSignerContract(
  adapterName: string,
  makeSubject: () => Promise<UploadUrlSignerSubject>,
  capabilities: { readonly enforcesPolicy: boolean },
): void {
  const run = (body: (s: UploadUrlSignerSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  const requestAt = (now: Date, key = 'photos/user-1/p-1'): UploadTargetRequest => ({
    key,
    contentType: 'image/png',
    maxSize: 10,
    expiresAt: new Date(now.getTime() + 15 * MINUTE),
  });

  describe(`UploadUrlSigner contract: ${adapterName}`, () => {
    it('issues a form POST naming the exact key and content type', run(async ({ signer }) => {
      const target = await signer.createUploadTarget(requestAt(new Date()));
      expect(() => new URL(target.url)).not.toThrow();
      expect(target.fields.key).toBe('photos/user-1/p-1');
      expect(target.fields['Content-Type']).toBe('image/png');
    }));

    it('accepts a conforming upload and stores it under the key', run(async ({ signer, storage, post }) => {
      const target = await signer.createUploadTarget(requestAt(new Date()));
      expect(await post(target, { ...target.fields }, new Uint8Array(10).fill(7))).toBe(true);
      expect(await storage.head('photos/user-1/p-1')).toMatchObject({ size: 10, contentType: 'image/png' });
    }));

    if (!capabilities.enforcesPolicy) return;

    it('refuses tampered fields, a wrong size and a lapsed target, storing nothing', run(async (subject) => {
      const { signer, storage, post } = subject;
      const clock = subject.enforcement!.clock;
      const target = await signer.createUploadTarget(requestAt(clock.now()));
      const file = new Uint8Array(5).fill(1);
      expect(await post(target, { ...target.fields, key: 'photos/user-1/other' }, file)).toBe(false);
      expect(await post(target, { ...target.fields, 'Content-Type': 'image/gif' }, file)).toBe(false);
      expect(await post(target, { ...target.fields }, new Uint8Array(11))).toBe(false);
      expect(await post(target, { ...target.fields }, new Uint8Array(0))).toBe(false);
      expect(await storage.head('photos/user-1/p-1')).toBeNull();
      expect(await storage.head('photos/user-1/other')).toBeNull();
      clock.advance(15 * MINUTE + 1000);
      expect(await post(target, { ...target.fields }, file)).toBe(false);
      expect(await storage.head('photos/user-1/p-1')).toBeNull();
    }));

    it('does not let a target for one key write another', run(async (subject) => {
      const { signer, storage, post } = subject;
      const clock = subject.enforcement!.clock;
      const mine = await signer.createUploadTarget(requestAt(clock.now(), 'photos/user-1/p-1'));
      const theirs = await signer.createUploadTarget(requestAt(clock.now(), 'photos/user-2/p-9'));
      const mixed = { ...theirs.fields, key: mine.fields.key! };
      expect(await post(theirs, mixed, new Uint8Array(3))).toBe(false);
      expect(await storage.head('photos/user-1/p-1')).toBeNull();
    }));
  });
}
