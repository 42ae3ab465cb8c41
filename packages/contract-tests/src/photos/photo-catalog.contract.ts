import type { PhotoCatalog, PhotoListKeyset, PhotoListQuery, PhotoRecord, PhotoStatus } from '@hdoc/domain';
import { photoListKeyset, REJECTED_PHOTO_RETENTION_MS, StaleWriteError } from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';
import {
  expectedOrder,
  expectedStatusOrder,
  listScope,
  photoRecord,
  readyPhoto,
  readyPhotoFields,
  statusPhoto,
  statusPhotoDefaults,
  statusPhotoFields,
} from './photo-fixtures.js';

export interface PhotoCatalogSubject extends Disposable {
  readonly catalog: PhotoCatalog;
}

type Scope = Pick<PhotoListQuery, 'sort' | 'order' | 'filter'> & Partial<Pick<PhotoListQuery, 'status' | 'now'>>;

/** A reading instant after every fixture's creation; ready lists do not depend on it. */
const READ_AT = new Date('2026-01-01T01:00:00.000Z');
const MINUTE = 60_000;

/** Reads every page (ready photos at READ_AT unless the scope says otherwise), optionally calling `between` after each page. */
async function readAllPages(
  catalog: PhotoCatalog,
  ownerId: string,
  scope: Scope,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
): Promise<PhotoRecord[]> {
  const seen: PhotoRecord[] = [];
  let after: PhotoListKeyset | null = null;
  const status: PhotoStatus = scope.status ?? 'ready';
  for (let page = 0; page < 1000; page += 1) {
    const slice = await catalog.list({ ownerId, ...scope, status, now: scope.now ?? READ_AT, limit, after });
    expect(slice.items.length).toBeLessThanOrEqual(limit);
    seen.push(...slice.items);
    const last = slice.items[slice.items.length - 1];
    if (!slice.hasMore) return seen;
    expect(last).toBeDefined();
    after = photoListKeyset(last!, scope.sort, status);
    await between(page);
  }
  throw new Error('pagination did not end');
}

/** The PhotoCatalog port's documented behaviour, for every adapter. */
export function describePhotoCatalogContract(
  adapterName: string,
  makeSubject: () => Promise<PhotoCatalogSubject>,
): void {
  const run = (body: (s: PhotoCatalogSubject) => Promise<void>) => () => withSubject(makeSubject, body);

  describe(`PhotoCatalog contract: ${adapterName}`, () => {
    it('stores and returns records by owner and id, and nothing for another owner', run(async ({ catalog }) => {
      const record = photoRecord({
        id: 'p-1',
        ownerId: 'user-1',
        status: 'pending',
        uploadedAt: null,
        tags: ['x', 'y'],
        metadata: { camera: 'x100', 'lens_mm': '23' },
        title: 'Tïtle ✓',
      });
      await catalog.save(record);
      expect(await catalog.get('user-1', 'p-1')).toEqual(record);
      expect(await catalog.get('user-2', 'p-1')).toBeNull();
      expect(await catalog.get('user-1', 'p-2')).toBeNull();
    }));

    it('accepts only the next version and changes nothing on a conflict', run(async ({ catalog }) => {
      const v1 = photoRecord({ id: 'p-1', ownerId: 'user-1' });
      await catalog.save(v1);
      await expect(catalog.save({ ...v1, title: 'again v1' })).rejects.toBeInstanceOf(StaleWriteError);
      await expect(catalog.save({ ...v1, version: 3, title: 'skips v2' })).rejects.toBeInstanceOf(StaleWriteError);
      await expect(catalog.save(photoRecord({ id: 'p-2', ownerId: 'user-1', version: 2 }))).rejects.toBeInstanceOf(
        StaleWriteError,
      );
      expect(await catalog.get('user-1', 'p-1')).toEqual(v1);
      expect(await catalog.get('user-1', 'p-2')).toBeNull();
      const v2 = { ...v1, title: 'v2', version: 2 };
      await catalog.save(v2);
      expect(await catalog.get('user-1', 'p-1')).toEqual(v2);
    }));

    it('reads a record for update as get does, and saves the next version from that snapshot', run(async ({ catalog }) => {
      const v1 = photoRecord({ id: 'p-1', ownerId: 'user-1', status: 'ready', tags: ['cat', 'sea'] });
      await catalog.save(v1);
      expect(await catalog.getForUpdate('user-2', 'p-1')).toBeNull();
      expect(await catalog.getForUpdate('user-1', 'p-2')).toBeNull();
      const first = (await catalog.getForUpdate('user-1', 'p-1'))!;
      expect(first.record).toEqual(v1);
      const byTag = async (tag: string) =>
        (await readAllPages(catalog, 'user-1', { sort: 'filename', order: 'asc', filter: { tag } }, 10)).map((p) => `${p.id}@${p.version}`);
      await catalog.save({ ...v1, tags: ['dog'], version: 2 }, first);
      expect([await byTag('cat'), await byTag('dog')]).toEqual([[], ['p-1@2']]);
      // A snapshot another save has overtaken is stale, and changes nothing.
      await expect(catalog.save({ ...v1, tags: ['cow'], version: 2 }, first)).rejects.toBeInstanceOf(StaleWriteError);
      // A snapshot of another version or photo does not mislead the save: it is ignored.
      await catalog.save({ ...v1, tags: ['owl'], version: 3 }, first);
      const other = photoRecord({ id: 'p-2', ownerId: 'user-1', status: 'ready', tags: ['owl'] });
      await catalog.save(other, first);
      expect([await byTag('dog'), await byTag('cow'), await byTag('owl')]).toEqual([[], [], ['p-1@3', 'p-2@1']]);
      const third = (await catalog.getForUpdate('user-1', 'p-1'))!;
      expect(third.record).toEqual({ ...v1, tags: ['owl'], version: 3 });
      await catalog.save({ ...third.record, status: 'deleted', version: 4 }, third);
      expect(await byTag('owl')).toEqual(['p-2@1']);
      expect((await catalog.getForUpdate('user-1', 'p-1'))!.record).toMatchObject({ status: 'deleted', version: 4 });
    }));

    it('keeps what it stored apart from its callers: a record read earlier stays the snapshot it was', run(async ({ catalog }) => {
      const tags = ['x'];
      const v1 = photoRecord({ id: 'p-1', ownerId: 'user-1', status: 'ready', tags });
      const expected = structuredClone(v1);
      await catalog.save(v1);
      tags.push('changed after saving');
      const read = await catalog.get('user-1', 'p-1');
      const listed = (
        await catalog.list({ ownerId: 'user-1', status: 'ready', now: READ_AT, sort: 'uploaded_at', order: 'desc', filter: {}, limit: 10, after: null })
      ).items[0];
      await catalog.save({ ...v1, tags: ['y'], title: 'v2', version: 2 });
      expect(read).toEqual(expected);
      expect(listed).toEqual(expected);
      expect(await catalog.get('user-1', 'p-1')).toMatchObject({ tags: ['y'], title: 'v2', version: 2 });
    }));

    it('lists ready photos by default scope, and follows status and tag changes', run(async ({ catalog }) => {
      const scope: Scope = { sort: 'uploaded_at', order: 'desc', filter: {} };
      for (const status of ['pending', 'ready', 'rejected', 'deleted'] as const) {
        await catalog.save(photoRecord({ id: `p-${status}`, ownerId: 'user-1', status, tags: ['cat'] }));
      }
      const ids = async (s: Scope) => (await readAllPages(catalog, 'user-1', s, 10)).map((p) => p.id);
      expect(await ids(scope)).toEqual(['p-ready']);
      const ready = (await catalog.get('user-1', 'p-ready'))!;
      await catalog.save({ ...ready, tags: ['dog'], version: 2 });
      expect(await ids({ ...scope, filter: { tag: 'cat' } })).toEqual([]);
      expect(await ids({ ...scope, filter: { tag: 'dog' } })).toEqual(['p-ready']);
      await catalog.save({ ...ready, tags: ['dog'], status: 'deleted', version: 3 });
      expect(await ids(scope)).toEqual([]);
      expect(await ids({ ...scope, filter: { tag: 'dog' } })).toEqual([]);
      const pending = (await catalog.get('user-1', 'p-pending'))!;
      await catalog.save({ ...pending, status: 'ready', version: 2 });
      expect(await ids({ ...scope, filter: { tag: 'cat' } })).toEqual(['p-pending']);
    }));

    it('pages through every sort, order and filter in list order, one owner only', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(readyPhotoFields, { maxLength: 25 }),
          fc.array(readyPhotoFields, { maxLength: 5 }),
          listScope,
          fc.integer({ min: 1, max: 7 }),
          (mine, theirs, scope, limit) =>
            withSubject(makeSubject, async ({ catalog }) => {
              const photos = mine.map((fields, i) => readyPhoto('owner-a', `p-${String(i).padStart(3, '0')}`, fields));
              for (const photo of photos) await catalog.save(photo);
              for (const [i, fields] of theirs.entries()) await catalog.save(readyPhoto('owner-b', `q-${i}`, fields));
              const listed = await readAllPages(catalog, 'owner-a', scope, limit);
              const expected = expectedOrder(photos, scope.sort, scope.order, scope.filter);
              expect(listed.map((p) => p.id)).toEqual(expected.map((p) => p.id));
              expect(listed).toEqual(expected);
            }),
        ),
        { numRuns: 120 },
      );
    });

    it('never skips or repeats a photo when photos are added between page reads', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(readyPhotoFields, { minLength: 1, maxLength: 20 }),
          fc.array(readyPhotoFields, { maxLength: 10 }),
          listScope,
          fc.integer({ min: 1, max: 5 }),
          (initial, added, scope, limit) =>
            withSubject(makeSubject, async ({ catalog }) => {
              const photos = initial.map((fields, i) => readyPhoto('owner-a', `p-${String(i).padStart(3, '0')}`, fields));
              for (const photo of photos) await catalog.save(photo);
              const extra = added.map((fields, i) => readyPhoto('owner-a', `n-${String(i).padStart(3, '0')}`, fields));
              const listed = await readAllPages(catalog, 'owner-a', scope, limit, async (page) => {
                const next = extra[page];
                if (next) await catalog.save(next);
              });
              const ids = listed.map((p) => p.id);
              expect(new Set(ids).size).toBe(ids.length);
              const everything = expectedOrder([...photos, ...extra], scope.sort, scope.order, scope.filter);
              const mustSee = expectedOrder(photos, scope.sort, scope.order, scope.filter).map((p) => p.id);
              expect(ids.filter((id) => id.startsWith('p-'))).toEqual(mustSee);
              // Whatever was listed appears in the final list order.
              const position = new Map(everything.map((p, i) => [p.id, i]));
              const positions = ids.map((id) => position.get(id)!);
              expect(positions).toEqual([...positions].sort((a, b) => a - b));
            }),
        ),
        { numRuns: 80 },
      );
    });
    it('lists each status apart: pending and rejected newest first by creation, whatever the sort', run(async ({ catalog }) => {
      const at = (minute: number) => new Date(READ_AT.getTime() + minute * MINUTE);
      const records = [
        photoRecord({ id: 'p-old', ownerId: 'user-1', status: 'pending', createdAt: at(-5), expiresAt: at(10) }),
        photoRecord({ id: 'p-new', ownerId: 'user-1', status: 'pending', createdAt: at(-1), expiresAt: at(14) }),
        photoRecord({ id: 'p-lapsed', ownerId: 'user-1', status: 'pending', createdAt: at(-20), expiresAt: at(-5) }),
        photoRecord({ id: 'r-1', ownerId: 'user-1', status: 'rejected', createdAt: at(-3), rejectedAt: at(-2), rejectionReason: 'not_an_image' }),
        photoRecord({ id: 'r-2', ownerId: 'user-1', status: 'rejected', createdAt: at(-4), rejectedAt: at(-1), rejectionReason: 'size_out_of_range' }),
        photoRecord({ id: 'ready', ownerId: 'user-1', status: 'ready' }),
        photoRecord({ id: 'gone', ownerId: 'user-1', status: 'deleted' }),
        photoRecord({ id: 'theirs', ownerId: 'user-2', status: 'pending', createdAt: at(-1), expiresAt: at(14) }),
      ];
      for (const record of records) await catalog.save(record);
      const ids = async (status: PhotoStatus, sort: Scope['sort'], order: Scope['order']) =>
        (await readAllPages(catalog, 'user-1', { status, sort, order, filter: {} }, 1)).map((p) => p.id);
      for (const [sort, order] of [['uploaded_at', 'desc'], ['filename', 'asc'], ['size', 'asc']] as const) {
        expect(await ids('pending', sort, order)).toEqual(['p-new', 'p-old']);
        expect(await ids('rejected', sort, order)).toEqual(['r-1', 'r-2']);
        expect(await ids('ready', sort, order)).toEqual(['ready']);
      }
      expect((await readAllPages(catalog, 'user-1', { status: 'rejected', sort: 'uploaded_at', order: 'desc', filter: {} }, 5))[1])
        .toMatchObject({ id: 'r-2', rejectionReason: 'size_out_of_range' });
    }));

    it('removes a rejected photo from its list a week after its rejection', run(async ({ catalog }) => {
      const rejectedAt = new Date(READ_AT.getTime() - MINUTE);
      const record = photoRecord({ id: 'r-1', ownerId: 'user-1', status: 'rejected', createdAt: rejectedAt, rejectedAt });
      await catalog.save(record);
      const lapse = rejectedAt.getTime() + REJECTED_PHOTO_RETENTION_MS;
      const listAt = async (now: number) =>
        (await readAllPages(catalog, 'user-1', { status: 'rejected', now: new Date(now), sort: 'uploaded_at', order: 'desc', filter: {} }, 10))
          .map((p) => p.id);
      expect(await listAt(lapse - 1)).toEqual(['r-1']);
      expect(await listAt(lapse)).toEqual([]);
      // Gone from the store, or kept unseen until then: never anything but the record it was.
      const stored = await catalog.get('user-1', 'r-1');
      expect(stored === null || stored.status === 'rejected').toBe(true);
    }));

    it('pages pending and rejected photos by creation, filtered, never skipping or repeating (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(statusPhotoFields, { maxLength: 25 }),
          fc.array(statusPhotoFields, { maxLength: 6 }),
          fc.constantFrom<PhotoStatus>('pending', 'rejected'),
          listScope,
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 1, max: 6 }),
          (initial, added, status, scope, nowMinute, limit) =>
            withSubject(makeSubject, async ({ catalog }) => {
              const photos = initial.map((fields, i) => statusPhoto('owner-a', `p-${String(i).padStart(3, '0')}`, fields));
              for (const photo of photos) await catalog.save(photo);
              await catalog.save(statusPhoto('owner-b', 'q-1', initial[0] ?? added[0] ?? statusPhotoDefaults));
              const extra = added.map((fields, i) => statusPhoto('owner-a', `n-${String(i).padStart(3, '0')}`, fields));
              const now = new Date(READ_AT.getTime() + nowMinute * MINUTE);
              const filter = { ...(scope.filter.tag !== undefined && { tag: scope.filter.tag }), ...(scope.filter.contentType !== undefined && { contentType: scope.filter.contentType }) };
              const listed = await readAllPages(catalog, 'owner-a', { status, now, sort: scope.sort, order: scope.order, filter }, limit, async (page) => {
                const next = extra[page];
                if (next) await catalog.save(next);
              });
              const ids = listed.map((p) => p.id);
              expect(new Set(ids).size).toBe(ids.length);
              const mustSee = expectedStatusOrder(photos, status, now, filter).map((p) => p.id);
              expect(ids.filter((id) => id.startsWith('p-'))).toEqual(mustSee);
              const everything = expectedStatusOrder([...photos, ...extra], status, now, filter);
              const position = new Map(everything.map((p, i) => [p.id, i]));
              const positions = ids.map((id) => position.get(id));
              expect(positions.every((p) => p !== undefined)).toBe(true);
              expect(positions).toEqual([...positions].sort((a, b) => a! - b!));
            }),
        ),
        { numRuns: 100 },
      );
    });
  });
}
