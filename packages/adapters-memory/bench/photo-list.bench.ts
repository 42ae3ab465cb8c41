/**
 * `npm run bench -- photo-list`: ListPhotos on MemoryPhotoCatalog for one owner with 1,000 and
 * with 100,000 ready photos (10% carry the tag "bench", 20% have no taken_at). For each sort
 * (uploaded_at, taken_at, filename, size; asc) with and without the tag filter, it times a page of 50
 * starting at a random position (a cursor after a random photo), as the median of batched runs after
 * warm-up. ratio = the largest t(100,000) / t(1,000): a keyset seek in an ordered index costs
 * O(log n + page), so it stays near 1-2; a per-call sort or scan would be about 100.
 */
import { performance } from 'node:perf_hooks';
import type { PhotoListScope, PhotoRecord, PhotoSort } from '@hdoc/domain';
import {
  DEFAULT_PHOTO_SETTINGS,
  ListPhotos,
  PHOTO_SORTS,
  PhotoViewUrls,
  comparePhotoListKeysets,
  encodePhotoListCursor,
  photoListKeyset,
} from '@hdoc/domain';
import { MemoryPhotoCatalog, MemoryViewUrlSigner, SystemClock } from '../src/index.js';
import { median, mix } from '../../../scripts/bench-kit.js';

const SMALL = 1_000;
const LARGE = 100_000;
const PAGE = 50;
const WARM_UP_OPS = 300;
const SAMPLES = 200;
const OPS_PER_SAMPLE = 5;
const OWNER = 'bench-owner';
const TAG = 'bench';
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
const WORDS = ['IMG', 'dsc', 'Beach', 'holiday', 'Scan', 'family', 'PXL', 'export'];

function photo(i: number): PhotoRecord {
  const size = 10_000 + (mix(i, 1) % 20_000_000);
  return {
    id: `ph-${String(i).padStart(12, '0')}`,
    ownerId: OWNER,
    status: 'ready',
    filename: `${WORDS[mix(i, 2) % WORDS.length]}_${mix(i, 3) % 100_000}.jpg`,
    contentType: TYPES[mix(i, 4) % TYPES.length]!,
    size,
    declaredSize: size,
    width: 4000,
    height: 3000,
    takenAt: mix(i, 5) % 5 === 0 ? null : new Date(T0 - (mix(i, 6) % 3_000_000) * 10_000),
    uploadedAt: new Date(T0 + (mix(i, 7) % 1_000_000) * 1_000),
    title: null,
    description: null,
    tags: mix(i, 8) % 10 === 0 ? [TAG, 'other'] : ['other'],
    metadata: {},
    etag: `etag-${i}`,
    expiresAt: new Date(T0),
    createdAt: new Date(T0),
    rejectedAt: null,
    rejectionReason: null,
    hasThumbnail: true,
    lastSequencer: '1',
    version: 1,
  };
}

async function measure(count: number) {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const catalog = new MemoryPhotoCatalog();
  const photos: PhotoRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const record = photo(i);
    photos.push(record);
    await catalog.save(record);
  }
  globalThis.gc?.();
  const bytesPerPhoto = (process.memoryUsage().heapUsed - heapBefore) / count;
  // Items carry signed view and thumbnail URLs, as the API lists them.
  const clock = new SystemClock();
  const signer = new MemoryViewUrlSigner({ secret: 'bench-secret-0123456789abcdef', baseUrl: 'http://127.0.0.1:3000', clock });
  const list = new ListPhotos(catalog, new PhotoViewUrls(signer, clock, DEFAULT_PHOTO_SETTINGS), clock);
  const actor = { subject: OWNER, sessionId: 'bench' };
  const tagged = photos.filter((p) => p.tags.includes(TAG));
  const timings: Record<string, number> = {};
  for (const sort of PHOTO_SORTS as readonly PhotoSort[]) {
    for (const filtered of [false, true]) {
      const scope: PhotoListScope = { status: 'ready', sort, order: 'asc', filter: filtered ? { tag: TAG } : {} };
      // Cursors after random photos (each followed by at least a full page), prepared up front so
      // only the page read is timed.
      const ordered = (filtered ? tagged : photos)
        .map((p) => photoListKeyset(p, sort))
        .sort(comparePhotoListKeysets);
      const cursors = Array.from({ length: 512 }, (_, k) =>
        encodePhotoListCursor(scope, ordered[mix(k, 99) % (ordered.length - PAGE)]!),
      );
      let next = 0;
      const read = async () => {
        const page = await list.execute({
          actor,
          sort,
          order: 'asc',
          ...(filtered && { tag: TAG }),
          limit: PAGE,
          cursor: cursors[next++ % cursors.length]!,
        });
        if (page.items.length !== PAGE) throw new Error(`short page: ${page.items.length}`);
      };
      for (let i = 0; i < WARM_UP_OPS; i += 1) await read();
      const samples: number[] = [];
      for (let s = 0; s < SAMPLES; s += 1) {
        const start = performance.now();
        for (let i = 0; i < OPS_PER_SAMPLE; i += 1) await read();
        samples.push(((performance.now() - start) * 1000) / OPS_PER_SAMPLE);
      }
      timings[`${sort}${filtered ? '+tag' : ''}`] = median(samples);
    }
  }
  return { timings, bytesPerPhoto };
}

const small = await measure(SMALL);
const large = await measure(LARGE);
const ratios: Record<string, number> = {};
for (const [name, micros] of Object.entries(large.timings)) {
  const ratio = micros / small.timings[name]!;
  ratios[name] = Number(ratio.toFixed(2));
  console.log(
    `${name.padEnd(16)} page of ${PAGE}: ${small.timings[name]!.toFixed(1)} µs @1k, ${micros.toFixed(1)} µs @100k, x${ratio.toFixed(2)}`,
  );
}
console.log(`heap per photo (record + 8-9 index entries): ${Math.round(large.bytesPerPhoto)} bytes`);
console.log(
  JSON.stringify({
    bench: 'photo-list',
    page: PAGE,
    micros_1k: Object.fromEntries(Object.entries(small.timings).map(([k, v]) => [k, Number(v.toFixed(1))])),
    micros_100k: Object.fromEntries(Object.entries(large.timings).map(([k, v]) => [k, Number(v.toFixed(1))])),
    ratios,
    heap_bytes_per_photo: Math.round(large.bytesPerPhoto),
    ratio: Math.max(...Object.values(ratios)),
  }),
);
