import type { PhotoOutput, PhotoRejectionReason, PhotoSort, PhotoStatus, SortOrder } from '@hdoc/domain';
import { NotFoundError, REJECTED_PHOTO_RETENTION_MS, ValidationError } from '@hdoc/domain';
import { expectedOrder, photoRecord } from '@hdoc/contract-tests';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UploadRejectedError } from '../../src/index.js';
import type { PhotoHarness } from './photo-harness.js';
import type { FakeContent } from './photo-harness.js';
import { MINUTE, T0, fakeImage, photoHarness, principal } from './photo-harness.js';

/**
 * Model-based test of the photo use cases. The model is a plain array of photos plus what storage
 * holds at each key; storage events are delivered at "settle" points (before every owner
 * operation) shuffled and partly duplicated, and the model states the outcome they must converge
 * to: the object at a live intent's key decides (valid: ready with its facts and a thumbnail;
 * invalid size, type or content: rejected with the reason, and deleted; gone after a change:
 * deleted); dead keys (rejected, deleted, unknown) end up empty, and only ready photos have a
 * thumbnail. Lists of each status are checked against the model; rejected photos disappear a week
 * after their rejection.
 */

const OWNERS = ['alice', 'bob'] as const;
const TYPES = ['image/png', 'image/jpeg'] as const;
const NAMES = ['b.png', 'A.png', 'a.jpg', 'Été.gif', 'z 1.heic'] as const;
const TAG_POOL = [' Cat', 'cat', 'DOG ', 'sea'] as const;

interface ModelObject {
  readonly size: number;
  readonly contentType: string;
  /** What the bytes really are (see fakeImage). */
  readonly content: FakeContent;
  readonly takenMinute: number | null;
  readonly lastModified: number;
}

interface ModelPhoto {
  readonly id: string;
  readonly owner: string;
  status: 'pending' | 'ready' | 'rejected' | 'deleted';
  readonly filename: string;
  readonly declaredType: string;
  readonly declaredSize: number;
  readonly expiresAt: number;
  readonly createdAt: number;
  rejectedAt: number | null;
  rejectionReason: PhotoRejectionReason | null;
  readonly fields: Readonly<Record<string, string>>;
  facts: ModelObject | null;
  object: ModelObject | null;
  touched: boolean;
  title: string | null;
  description: string | null;
  tags: string[];
  metadata: Record<string, string>;
}

interface Model {
  now: number;
  readonly photos: ModelPhoto[];
}

interface Real {
  readonly h: PhotoHarness;
}

const keyOf = (p: ModelPhoto) => `photos/${p.owner}/${p.id}`;
const thumbnailKeyOf = (p: ModelPhoto) => `thumbnails/${p.owner}/${p.id}`;
const lapsedRejection = (m: Model, p: ModelPhoto) =>
  p.status === 'rejected' && m.now >= p.rejectedAt! + REJECTED_PHOTO_RETENTION_MS;
const visible = (m: Model, p: ModelPhoto, owner: string) =>
  p.owner === owner &&
  p.status !== 'deleted' &&
  !(p.status === 'pending' && m.now >= p.expiresAt) &&
  !lapsedRejection(m, p);

/** Why ingestion refuses an object for a photo, in the order it checks; null when it accepts it. */
function refusalOf(p: ModelPhoto, o: ModelObject): PhotoRejectionReason | null {
  if (o.size < 1 || o.size > p.declaredSize) return 'size_out_of_range';
  if (o.contentType !== p.declaredType) return 'content_type_mismatch';
  // The fake inspector reads no image from fewer than 3 bytes; the content marker is byte 3.
  if (o.size < 3 || (o.size > 3 && o.content === 'not-an-image')) return 'not_an_image';
  if (o.size > 3 && o.content !== 'as-stored' && o.content !== o.contentType) return 'content_type_mismatch';
  return null;
}

function settleModel(m: Model): void {
  for (const p of m.photos) {
    if (p.status === 'deleted' || p.status === 'rejected') p.object = null;
    else if (p.object) {
      const refusal = refusalOf(p, p.object);
      if (refusal === null) {
        p.status = 'ready';
        p.facts = p.object;
      } else {
        p.status = 'rejected';
        p.rejectionReason = refusal;
        p.rejectedAt = m.now;
        p.object = null;
      }
    } else if (p.touched) p.status = 'deleted';
    p.touched = false;
  }
}

/** Delivers every outstanding notification, shuffled, some twice, until storage goes quiet. */
async function settleReal(r: Real, seed: number): Promise<void> {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let batch = await r.h.takeEvents(); batch.length > 0; batch = await r.h.takeEvents()) {
    const deliveries = [...batch, ...batch.filter(() => next() < 0.3)];
    for (let i = deliveries.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    for (const notification of deliveries) await r.h.deliver(notification);
  }
}

/** What the model knows of a listed photo: everything but its signed URLs. */
type PhotoFields = Omit<PhotoOutput, 'viewUrl' | 'thumbnailUrl'>;

function outputOf(p: ModelPhoto): PhotoFields {
  const image = p.facts && p.facts.size >= 3 ? p.facts : null;
  return {
    id: p.id,
    status: p.status as PhotoFields['status'],
    filename: p.filename,
    contentType: p.facts?.contentType ?? p.declaredType,
    size: p.facts?.size ?? p.declaredSize,
    width: image ? 3 : null,
    height: image ? 2 : null,
    takenAt: image && image.takenMinute !== null ? new Date(T0 + image.takenMinute * MINUTE) : null,
    uploadedAt: p.facts ? new Date(p.facts.lastModified) : null,
    title: p.title,
    description: p.description,
    tags: p.tags,
    metadata: p.metadata,
    rejectionReason: p.status === 'rejected' ? p.rejectionReason : null,
  };
}

async function settleBoth(m: Model, r: Real, seed: number): Promise<void> {
  settleModel(m);
  await settleReal(r, seed);
  for (const p of m.photos) {
    const status = (await r.h.catalog.get(p.owner, p.id))?.status;
    // A rejected photo past its retention leaves the store at the next list (or is still there, unseen).
    if (lapsedRejection(m, p)) expect([undefined, 'rejected']).toContain(status);
    else expect(status).toBe(p.status);
    expect((await r.h.storage.head(keyOf(p)))?.size ?? null).toBe(p.object?.size ?? null);
    expect((await r.h.storage.head(thumbnailKeyOf(p))) !== null).toBe(p.status === 'ready');
  }
  // Thumbnails are written outside photos/, so they raise no event (else ingestion would discard them).
  expect(await r.h.takeEvents()).toEqual([]);
}

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

async function notFound(run: () => Promise<unknown>): Promise<void> {
  await expect(run()).rejects.toEqual(new NotFoundError('photo'));
}

class RequestUploadCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly owner: number, readonly name: number, readonly type: number, readonly size: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const owner = OWNERS[this.owner]!;
    const input = { filename: NAMES[this.name]!, contentType: TYPES[this.type]!, size: this.size };
    const out = await r.h.requestUpload.execute({ actor: principal(owner), ...input });
    m.photos.push({
      id: out.photoId,
      owner,
      status: 'pending',
      filename: input.filename,
      declaredType: input.contentType,
      declaredSize: input.size,
      expiresAt: m.now + 15 * MINUTE,
      createdAt: m.now,
      rejectedAt: null,
      rejectionReason: null,
      fields: out.upload.fields,
      facts: null,
      object: null,
      touched: false,
      title: null,
      description: null,
      tags: [],
      metadata: {},
    });
  }
  toString = () => `request(${OWNERS[this.owner]}, ${NAMES[this.name]}, ${TYPES[this.type]}, ${this.size})`;
}

/** `presigned` uploads a size the target allows; `direct` writes storage behind the policy's back. */
type UploadVariant = 'presigned' | 'presigned-too-big' | 'presigned-wrong-type' | 'direct' | 'direct-wrong-type';

class UploadCmd implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly photo: number,
    readonly size: number,
    readonly takenMinute: number | null,
    readonly variant: UploadVariant,
    readonly content: FakeContent = 'as-stored',
  ) {}
  check = (m: Readonly<Model>) => m.photos.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const p = pick(m.photos, this.photo)!;
    const wrongType = this.variant.endsWith('wrong-type');
    const contentType = wrongType ? TYPES.find((t) => t !== p.declaredType)! : p.declaredType;
    const size =
      this.variant === 'presigned'
        ? Math.min(Math.max(this.size, 1), p.declaredSize)
        : this.variant === 'presigned-too-big'
          ? p.declaredSize + 1 + this.size
          : this.size;
    const bytes = fakeImage(size, this.takenMinute, 3, 2, this.content);
    if (this.variant.startsWith('presigned')) {
      const refused = wrongType || m.now >= p.expiresAt || size < 1 || size > p.declaredSize;
      const fields = { ...p.fields, 'Content-Type': contentType };
      const attempt = r.h.uploads.acceptUpload({ fields, file: { bytes } });
      if (refused) {
        await expect(attempt).rejects.toBeInstanceOf(UploadRejectedError);
        return;
      }
      await attempt;
    } else {
      await r.h.storage.put(keyOf(p), bytes, contentType);
    }
    p.object = { size, contentType, content: this.content, takenMinute: this.takenMinute, lastModified: m.now };
    p.touched = true;
  }
  toString = () => `upload(#${this.photo}, ${this.size}B, taken ${this.takenMinute}, ${this.variant}, ${this.content})`;
}

/** Several valid uploads for one owner at once, so lists span several pages. */
class BulkUploadCmd implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly owner: number,
    readonly photos: readonly { name: number; type: number; size: number; taken: number | null }[],
  ) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    for (const photo of this.photos) {
      await new RequestUploadCmd(this.owner, photo.name, photo.type, 10).run(m, r);
      await new UploadCmd(m.photos.length - 1, photo.size, photo.taken, 'presigned').run(m, r);
    }
  }
  toString = () => `bulk(${OWNERS[this.owner]}, ${JSON.stringify(this.photos)})`;
}

class RemoveObjectCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly photo: number) {}
  check = (m: Readonly<Model>) => m.photos.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const p = pick(m.photos, this.photo)!;
    await r.h.storage.delete(keyOf(p));
    if (p.object) p.touched = true;
    p.object = null;
  }
  toString = () => `removeObject(#${this.photo})`;
}

class StrayObjectCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: string) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await r.h.storage.put(this.key, fakeImage(4, null), 'image/png');
    await settleBoth(m, r, 7);
    expect(await r.h.storage.head(this.key)).toBeNull();
  }
  toString = () => `stray(${this.key})`;
}

class AdvanceCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    m.now += this.minutes * MINUTE;
    r.h.clock.advance(this.minutes * MINUTE);
  }
  toString = () => `advance(${this.minutes} min)`;
}

interface DetailChanges {
  readonly title?: string | null;
  readonly tags?: string[];
  readonly metadata?: Record<string, string>;
}

class UpdateCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: number, readonly photo: number, readonly changes: DetailChanges, readonly seed: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await settleBoth(m, r, this.seed);
    const owner = OWNERS[this.actor]!;
    const p = pick(m.photos, this.photo);
    const run = () => r.h.update.execute({ actor: principal(owner), photoId: p?.id ?? 'missing', ...this.changes });
    if (!p || !visible(m, p, owner)) return notFound(run);
    if (this.changes.title !== undefined) p.title = this.changes.title;
    if (this.changes.tags) p.tags = [...new Set(this.changes.tags.map((t) => t.trim().toLowerCase()))];
    if (this.changes.metadata) p.metadata = this.changes.metadata;
    const { viewUrl, thumbnailUrl, ...photo } = await run();
    expect(photo).toEqual(outputOf(p));
    // An edit answers the photo as a read would: the same URLs.
    const read = await r.h.get.execute({ actor: principal(owner), photoId: p.id });
    expect({ viewUrl, thumbnailUrl }).toEqual({ viewUrl: read.viewUrl, thumbnailUrl: read.thumbnailUrl });
  }
  toString = () => `update(${OWNERS[this.actor]}, #${this.photo}, ${JSON.stringify(this.changes)})`;
}

class DeleteCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: number, readonly photo: number, readonly seed: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await settleBoth(m, r, this.seed);
    const owner = OWNERS[this.actor]!;
    const p = pick(m.photos, this.photo);
    const run = () => r.h.remove.execute({ actor: principal(owner), photoId: p?.id ?? 'missing' });
    if (p && p.owner === owner && p.status === 'deleted') {
      expect(await run()).toEqual({ deleted: false });
    } else if (p && visible(m, p, owner)) {
      expect(await run()).toEqual({ deleted: true });
      p.status = 'deleted';
      p.object = null;
    } else {
      await notFound(run);
    }
  }
  toString = () => `delete(${OWNERS[this.actor]}, #${this.photo})`;
}

class GetCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: number, readonly photo: number, readonly seed: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await settleBoth(m, r, this.seed);
    const owner = OWNERS[this.actor]!;
    const p = pick(m.photos, this.photo);
    const run = () => r.h.get.execute({ actor: principal(owner), photoId: p?.id ?? 'missing' });
    if (!p || !visible(m, p, owner)) return notFound(run);
    const { viewUrl, thumbnailUrl, ...photo } = await run();
    expect(photo).toEqual(outputOf(p));
    expect(viewUrl !== null).toBe(p.status === 'ready');
    expect(thumbnailUrl !== null).toBe(p.status === 'ready');
  }
  toString = () => `get(${OWNERS[this.actor]}, #${this.photo})`;
}

interface ListScope {
  readonly status: PhotoStatus;
  readonly sort: PhotoSort;
  readonly order: SortOrder;
  readonly tag?: string;
  readonly contentType?: string;
  readonly fromMinute?: number;
  readonly toMinute?: number;
}

class ListCmd implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: number,
    readonly scope: ListScope,
    readonly limit: number,
    readonly addBetweenPages: boolean,
    readonly seed: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await settleBoth(m, r, this.seed);
    const owner = OWNERS[this.actor]!;
    const { status, sort, order, tag, contentType, fromMinute, toMinute } = this.scope;
    const from = fromMinute === undefined ? undefined : new Date(T0 + fromMinute * MINUTE);
    const to = toMinute === undefined ? undefined : new Date(T0 + toMinute * MINUTE);
    if (from && to && from >= to) return;
    const filter = { tag, contentType, from, to };
    const query = { actor: principal(owner), status, sort, order, tag, contentType, from, to, limit: this.limit };
    if (status !== 'ready' && (from || to)) {
      // from/to bound uploaded_at, which only ready photos have.
      await expect(r.h.list.execute(query)).rejects.toBeInstanceOf(ValidationError);
      return;
    }
    const expectedOf = () => {
      if (status !== 'ready') {
        // Newest first by creation, whatever the sort; ids break ties in the same direction.
        return m.photos
          .filter((p) => p.status === status && visible(m, p, owner))
          .filter((p) => (tag === undefined || p.tags.includes(tag)) && (contentType === undefined || p.declaredType === contentType))
          .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
          .map(outputOf);
      }
      const ready = m.photos.filter((p) => p.owner === owner && p.status === 'ready');
      const records = ready.map((p) =>
        photoRecord({ ...outputOf(p), ownerId: owner, status: 'ready', declaredSize: p.declaredSize }),
      );
      const cleanFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      const ordered = expectedOrder(records, sort, order, cleanFilter);
      return ordered.map((rec) => outputOf(ready.find((p) => p.id === rec.id)!));
    };
    const mustSee = expectedOf();
    const listed: PhotoFields[] = [];
    let cursor: string | null = null;
    let added = 0;
    for (let pages = 0; pages < 500; pages += 1) {
      const page = await r.h.list.execute({ ...query, cursor });
      expect(page.items.length).toBeLessThanOrEqual(this.limit);
      for (const { viewUrl, thumbnailUrl, ...item } of page.items) {
        expect(viewUrl !== null && thumbnailUrl !== null).toBe(status === 'ready');
        listed.push(item);
      }
      cursor = page.nextCursor;
      if (cursor === null) break;
      if (this.addBetweenPages && added < 3) {
        added += 1;
        await new RequestUploadCmd(this.actor, added, this.actor, 50).run(m, r);
        await new UploadCmd(m.photos.length - 1, 10 + added, added, 'presigned').run(m, r);
        await settleBoth(m, r, this.seed + added);
      }
    }
    expect(cursor).toBeNull();
    const ids = listed.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const finalOrder = expectedOf();
    if (added === 0) expect(listed).toEqual(finalOrder);
    const seen = new Set(ids);
    expect(mustSee.filter((p) => seen.has(p.id))).toEqual(mustSee);
    const position = new Map(finalOrder.map((p, i) => [p.id, i]));
    const positions = ids.map((id) => position.get(id)!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(listed).toEqual(positions.map((i) => finalOrder[i]));
  }
  toString = () => `list(${OWNERS[this.actor]}, ${JSON.stringify(this.scope)}, ${this.limit}, add=${this.addBetweenPages})`;
}

const owner = fc.integer({ min: 0, max: OWNERS.length - 1 });
const photoIndex = fc.nat({ max: 40 });
const seed = fc.nat();

const requestUpload = fc
  .tuple(owner, fc.nat({ max: NAMES.length - 1 }), fc.nat({ max: TYPES.length - 1 }), fc.integer({ min: 1, max: 10 }))
  .map(([o, n, t, s]) => new RequestUploadCmd(o, n, t, s));
const upload = fc
  .tuple(
    photoIndex,
    fc.integer({ min: 0, max: 12 }),
    fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    fc.constantFrom<UploadVariant>(
      'presigned',
      'presigned',
      'presigned',
      'presigned-too-big',
      'presigned-wrong-type',
      'direct',
      'direct-wrong-type',
    ),
    // Mostly real images of the stored type; some bytes that are no image or another image type.
    fc.constantFrom<FakeContent>('as-stored', 'as-stored', 'as-stored', 'not-an-image', 'image/gif', 'image/png'),
  )
  .map(([p, s, t, v, c]) => new UploadCmd(p, s, t, v, c));

const list = fc.tuple(
    owner,
    fc.record({
      status: fc.constantFrom<PhotoStatus>('ready', 'ready', 'pending', 'rejected'),
      sort: fc.constantFrom<PhotoSort>('uploaded_at', 'taken_at', 'filename', 'size'),
      order: fc.constantFrom<SortOrder>('asc', 'desc'),
      // Half the lists are unfiltered, so that they usually have something to page through.
      filter: fc.oneof(
        fc.constant({}),
        fc.record(
          {
            tag: fc.constantFrom('cat', 'dog', 'sea'),
            contentType: fc.constantFrom(...TYPES),
            fromMinute: fc.integer({ min: 0, max: 40 }),
            toMinute: fc.integer({ min: 1, max: 60 }),
          },
          { requiredKeys: [] },
        ),
      ),
    }).map(({ filter, ...order }): ListScope => ({ ...order, ...filter })),
    fc.integer({ min: 1, max: 4 }),
    fc.boolean(),
    seed,
  ).map(([a, s, l, add, sd]) => new ListCmd(a, s, l, add, sd));

const bulkUpload = fc
  .tuple(
    owner,
    fc.array(
      fc.record({
        name: fc.nat({ max: NAMES.length - 1 }),
        type: fc.nat({ max: TYPES.length - 1 }),
        size: fc.integer({ min: 1, max: 10 }),
        taken: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([o, photos]) => new BulkUploadCmd(o, photos));

// Weighted by repetition: a photo needs a request and an upload before anything interesting can
// happen to it, and lists are what the test is mostly about.
const commands = [
  requestUpload,
  requestUpload,
  requestUpload,
  upload,
  upload,
  upload,
  bulkUpload,
  list,
  list,
  list,
  photoIndex.map((p) => new RemoveObjectCmd(p)),
  fc.constantFrom('photos/alice/no-such-intent', 'photos/stray.png', 'photos/nobody/x y').map((k) => new StrayObjectCmd(k)),
  fc.integer({ min: 1, max: 10 }).map((n) => new AdvanceCmd(n)),
  // Now and then days pass, so rejected photos reach the end of their week.
  fc.constantFrom(2, 3, 4).map((days) => new AdvanceCmd(days * 24 * 60)),
  fc.tuple(
    owner,
    photoIndex,
    fc.record(
      {
        title: fc.option(fc.constantFrom('Sunset', 'été ✓', ''), { nil: null }),
        tags: fc.subarray([...TAG_POOL]),
        metadata: fc.dictionary(fc.constantFrom('camera', 'lens_mm', 'iso'), fc.string({ maxLength: 5 })),
      },
      { requiredKeys: [] },
    ),
    seed,
  ).map(([a, p, c, s]) => new UpdateCmd(a, p, c, s)),
  fc.tuple(owner, photoIndex, seed).map(([a, p, s]) => new DeleteCmd(a, p, s)),
  fc.tuple(owner, photoIndex, seed).map(([a, p, s]) => new GetCmd(a, p, s)),
];

describe('photo catalog use cases against a plain model', () => {
  it('agree through uploads, shuffled and duplicated events, updates, deletes and every list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 60, size: '+1' }), async (cmds) => {
        const model: Model = { now: T0, photos: [] };
        await fc.asyncModelRun(() => ({ model, real: { h: photoHarness() } }), cmds);
      }),
      { numRuns: 120 },
    );
  });
});
