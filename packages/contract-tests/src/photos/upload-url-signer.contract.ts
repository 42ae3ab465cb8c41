import type { ObjectStorage, UploadTarget, UploadTargetRequest, UploadUrlSigner } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type AdjustableClock, type Disposable } from '../shared/contract-subject.js';

/** The constraints a target carries, as the adapter's own policy format states them. */
export interface SignedUploadPolicy {
  readonly key: string;
  readonly contentType: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly expiresAt: Date;
}

export interface UploadUrlSignerSubject extends Disposable {
  readonly signer: UploadUrlSigner;
  /** Where uploads land, to observe what was stored. */
  readonly storage: ObjectStorage;
  /** Posts the form (every field of `fields`, then the file) to the target; false when refused. */
  readonly post: (target: UploadTarget, fields: Record<string, string>, file: Uint8Array) => Promise<boolean>;
  /**
   * Reads back what a target pins from the adapter's own format (the local form fields; the
   * base64 policy document of an S3 POST), and checks the target is signed (throws when unsigned).
   */
  readonly decodePolicy: (target: UploadTarget) => SignedUploadPolicy;
}

/** A subject whose storage refuses forms that break their policy, checking expiry against `clock`. */
export interface EnforcingUploadUrlSignerSubject extends UploadUrlSignerSubject {
  readonly clock: AdjustableClock;
}

const MINUTE = 60_000;

/**
 * The UploadUrlSigner port's documented behaviour, for every adapter. Every adapter is asserted on
 * the policy it signs (decoded from its own format). Where the storage behind it enforces that policy
 * (memory, real S3: `enforcesPolicy: true`, and the subject brings the clock), the suite also posts
 * forms that break it; s3rver accepts any form, so its suite (`enforcesPolicy: false`) has no such tests.
 */
export function describeUploadUrlSignerContract(
  adapterName: string,
  makeSubject: () => Promise<EnforcingUploadUrlSignerSubject>,
  capabilities: { readonly enforcesPolicy: true },
): void;
export function describeUploadUrlSignerContract(
  adapterName: string,
  makeSubject: () => Promise<UploadUrlSignerSubject>,
  capabilities: { readonly enforcesPolicy: false },
): void;
export function describeUploadUrlSignerContract(
  adapterName: string,
  makeSubject: () => Promise<UploadUrlSignerSubject | EnforcingUploadUrlSignerSubject>,
  capabilities: { readonly enforcesPolicy: boolean },
): void {
  const run = (body: (s: UploadUrlSignerSubject) => Promise<void>) => () => withSubject(makeSubject, body);
  const runEnforcing = (body: (s: EnforcingUploadUrlSignerSubject) => Promise<void>) => () =>
    withSubject(makeSubject as () => Promise<EnforcingUploadUrlSignerSubject>, body);

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

    it('signs exactly the requested key, type, size range 1..max and expiry, for any request', run(async ({ signer, decodePolicy }) => {
      // Whole seconds in the future (S3 policies state the expiry to the second).
      const base = Math.ceil(Date.now() / MINUTE) * MINUTE;
      await fc.assert(
        fc.asyncProperty(
          fc.stringMatching(/^[a-z0-9]{1,12}$/u),
          fc.stringMatching(/^[A-Za-z0-9 ._é-]{1,20}$/u),
          fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif'),
          fc.integer({ min: 1, max: 20 * 1024 * 1024 }),
          fc.integer({ min: 1, max: 24 * 60 }),
          async (owner, id, contentType, maxSize, minutes) => {
            const request = { key: `photos/${owner}/${id}`, contentType, maxSize, expiresAt: new Date(base + minutes * MINUTE) };
            const policy = decodePolicy(await signer.createUploadTarget(request));
            expect(policy).toEqual({ key: request.key, contentType, minSize: 1, maxSize, expiresAt: request.expiresAt });
          },
        ),
        { numRuns: 40 },
      );
    }));

    it('signs each target for itself: two requests never share a policy', run(async ({ signer, decodePolicy }) => {
      const now = new Date();
      const one = decodePolicy(await signer.createUploadTarget(requestAt(now, 'photos/user-1/p-1')));
      const other = decodePolicy(await signer.createUploadTarget(requestAt(now, 'photos/user-2/p-9')));
      expect(one.key).not.toBe(other.key);
      const bigger = decodePolicy(await signer.createUploadTarget({ ...requestAt(now), maxSize: 11 }));
      expect(bigger.maxSize).toBe(11);
    }));

    it('accepts a conforming upload and stores it under the key', run(async ({ signer, storage, post }) => {
      const target = await signer.createUploadTarget(requestAt(new Date()));
      expect(await post(target, { ...target.fields }, new Uint8Array(10).fill(7))).toBe(true);
      expect(await storage.head('photos/user-1/p-1')).toMatchObject({ size: 10, contentType: 'image/png' });
    }));

    if (!capabilities.enforcesPolicy) return;

    it('refuses tampered fields, a wrong size and a lapsed target, storing nothing', runEnforcing(async (subject) => {
      const { signer, storage, post, clock } = subject;
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

    it('does not let a target for one key write another', runEnforcing(async (subject) => {
      const { signer, storage, post, clock } = subject;
      const mine = await signer.createUploadTarget(requestAt(clock.now(), 'photos/user-1/p-1'));
      const theirs = await signer.createUploadTarget(requestAt(clock.now(), 'photos/user-2/p-9'));
      const mixed = { ...theirs.fields, key: mine.fields.key! };
      expect(await post(theirs, mixed, new Uint8Array(3))).toBe(false);
      expect(await storage.head('photos/user-1/p-1')).toBeNull();
    }));
  });
}
