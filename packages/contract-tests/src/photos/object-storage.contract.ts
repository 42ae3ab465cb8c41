import type { ObjectStorage } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';

export interface ObjectStorageSubject extends Disposable {
  readonly storage: ObjectStorage;
  /** Writes an object the way an upload would (the port itself never writes). */
  readonly put: (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
}

const bytes = (...values: number[]) => Uint8Array.from(values);

/** The ObjectStorage port's documented behaviour, for every adapter. */
export function describeObjectStorageContract(
  adapterName: string,
  makeSubject: () => Promise<ObjectStorageSubject>,
): void {
  const run = (body: (s: ObjectStorageSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`ObjectStorage contract: ${adapterName}`, () => {
    it('answers null for a missing key', run(async ({ storage }) => {
      expect(await storage.head('photos/user-1/missing')).toBeNull();
    }));

    it('reports the stored size, type, entity tag and modification time', run(async ({ storage, put }) => {
      const before = Date.now();
      await put('photos/user-1/p-1', bytes(1, 2, 3), 'image/png');
      const facts = await storage.head('photos/user-1/p-1');
      expect(facts).toMatchObject({ size: 3, contentType: 'image/png' });
      expect(facts!.etag).toEqual(expect.any(String));
      expect(facts!.etag.length).toBeGreaterThan(0);
      expect(facts!.lastModified).toBeInstanceOf(Date);
      expect(Number.isNaN(facts!.lastModified.getTime())).toBe(false);
      // Memory storage follows the subject's clock, real storage the server's: only sanity-check it.
      expect(Math.abs(facts!.lastModified.getTime() - before)).toBeLessThan(366 * 24 * 3600_000);
    }));

    it('replaces an object: new size, new entity tag', run(async ({ storage, put }) => {
      await put('photos/user-1/p-1', bytes(1, 2, 3), 'image/png');
      const first = await storage.head('photos/user-1/p-1');
      await put('photos/user-1/p-1', bytes(9, 9, 9, 9, 9), 'image/jpeg');
      const second = await storage.head('photos/user-1/p-1');
      expect(second).toMatchObject({ size: 5, contentType: 'image/jpeg' });
      expect(second!.etag).not.toBe(first!.etag);
    }));

    it('reads the first bytes of an object, all of a shorter one, null for a missing key', run(async ({ storage, put }) => {
      await put('photos/user-1/p-1', bytes(1, 2, 3, 4, 5), 'image/png');
      expect(Array.from((await storage.readPrefix('photos/user-1/p-1', 3))!)).toEqual([1, 2, 3]);
      expect(Array.from((await storage.readPrefix('photos/user-1/p-1', 64))!)).toEqual([1, 2, 3, 4, 5]);
      expect(await storage.readPrefix('photos/user-1/missing', 64)).toBeNull();
    }));

    it('reads a whole object with its type, and null for a missing key', run(async ({ storage, put }) => {
      const large = Uint8Array.from({ length: 300 * 1024 }, (_, i) => (i * 31) % 256);
      await put('photos/user-1/p-1', large, 'image/jpeg');
      expect(await storage.read('photos/user-1/p-1')).toEqual({ bytes: large, contentType: 'image/jpeg' });
      expect(await storage.read('photos/user-1/missing')).toBeNull();
    }));

    it('writes (and replaces) an object through the port, with the facts of what it stored', run(async ({ storage }) => {
      const facts = await storage.put('thumbnails/user-1/p-1', bytes(1, 2, 3, 4), 'image/webp');
      expect(facts).toMatchObject({ size: 4, contentType: 'image/webp' });
      expect(await storage.head('thumbnails/user-1/p-1')).toMatchObject({ size: 4, contentType: 'image/webp', etag: facts.etag });
      await storage.put('thumbnails/user-1/p-1', bytes(9), 'image/webp');
      expect(await storage.read('thumbnails/user-1/p-1')).toEqual({ bytes: bytes(9), contentType: 'image/webp' });
    }));

    it('deletes an object, and deleting again (or a missing key) succeeds', run(async ({ storage, put }) => {
      await put('photos/user-1/p-1', bytes(1), 'image/gif');
      await put('photos/user-1/p-2', bytes(2), 'image/gif');
      await storage.delete('photos/user-1/p-1');
      expect(await storage.head('photos/user-1/p-1')).toBeNull();
      expect(await storage.head('photos/user-1/p-2')).toMatchObject({ size: 1 });
      await storage.delete('photos/user-1/p-1');
      await storage.delete('photos/user-1/never');
    }));

    it('deletes several objects at once, missing keys and exact keys included, and again', run(async ({ storage, put }) => {
      const keys = ['photos/user-1/p-1', 'thumbnails/user-1/p-1', 'photos/github:ann/a b+é'];
      for (const key of keys) await put(key, bytes(1), 'image/png');
      await put('photos/user-1/p-2', bytes(2), 'image/png');
      await storage.delete(...keys, 'photos/user-1/never');
      for (const key of keys) expect(await storage.head(key)).toBeNull();
      expect(await storage.head('photos/user-1/p-2')).toMatchObject({ size: 1 });
      await storage.delete(...keys);
      await storage.delete();
    }));

    it('keeps keys exact, spaces and non-ASCII included', run(async ({ storage, put }) => {
      await put('photos/github:ann/a b+é', bytes(1, 2), 'image/webp');
      expect(await storage.head('photos/github:ann/a b+é')).toMatchObject({ size: 2 });
      expect(await storage.head('photos/github:ann/a+b+é')).toBeNull();
      expect(await storage.head('photos/github:ann/a%20b+é')).toBeNull();
    }));
  });
}
