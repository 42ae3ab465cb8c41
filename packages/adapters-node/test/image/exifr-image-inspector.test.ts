import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExifrImageInspector, parseExifDateTime } from '../../src/index.js';
import { jpegWithExif, pngHeader } from './image-fixtures.js';

function inspectorOf(objects: Record<string, Uint8Array>): ExifrImageInspector {
  return new ExifrImageInspector(async (key) => objects[key] ?? null);
}

describe('ExifrImageInspector', () => {
  it('reads PNG dimensions; a PNG has no capture time', async () => {
    const facts = await inspectorOf({ a: pngHeader(640, 480) }).inspect('a');
    expect(facts).toEqual({ contentType: 'image/png', width: 640, height: 480, takenAt: null });
  });

  it('reads JPEG dimensions and EXIF DateTimeOriginal with its offset', async () => {
    const jpeg = jpegWithExif({
      width: 1200,
      height: 800,
      dateTimeOriginal: '2021:03:04 10:20:30',
      offsetTimeOriginal: '+02:00',
    });
    const facts = await inspectorOf({ a: jpeg }).inspect('a');
    expect(facts).toEqual({ contentType: 'image/jpeg', width: 1200, height: 800, takenAt: new Date('2021-03-04T08:20:30.000Z') });
  });

  it('takes an EXIF time without offset as UTC, whatever the server time zone', async () => {
    const jpeg = jpegWithExif({ width: 10, height: 20, dateTimeOriginal: '2019:12:31 23:59:58' });
    expect((await inspectorOf({ a: jpeg }).inspect('a')).takenAt).toEqual(new Date('2019-12-31T23:59:58.000Z'));
  });

  it('swaps width and height for a quarter-turn EXIF orientation', async () => {
    const jpeg = jpegWithExif({ width: 1200, height: 800, orientation: 6 });
    expect(await inspectorOf({ a: jpeg }).inspect('a')).toMatchObject({ width: 800, height: 1200 });
  });

  it('answers nulls for a missing object', async () => {
    expect(await inspectorOf({}).inspect('nope')).toEqual({ contentType: null, width: null, height: null, takenAt: null });
  });

  it('never throws on garbage or truncated bytes', async () => {
    const valid = jpegWithExif({ width: 5, height: 6, dateTimeOriginal: '2020:01:02 03:04:05' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
          fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
            const copy = valid.slice();
            copy[at] = byte;
            return copy;
          }),
        ),
        async (bytes) => {
          const facts = await inspectorOf({ a: bytes }).inspect('a');
          expect(facts.contentType === null || facts.contentType.startsWith('image/')).toBe(true);
          for (const value of [facts.width, facts.height]) {
            expect(value === null || (Number.isInteger(value) && value >= 0)).toBe(true);
          }
          expect(facts.takenAt === null || !Number.isNaN(facts.takenAt.getTime())).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ExifrImageInspector content sniffing', () => {
  const ascii = (text: string) => new TextEncoder().encode(text);
  const isoBox = (brand: string) => Uint8Array.from([0, 0, 0, 24, ...ascii('ftyp'), ...ascii(brand), 0, 0, 0, 0, ...ascii('mif1'), ...ascii(brand)]);

  it('names the image type the magic bytes show, whatever the object claims', async () => {
    const samples: [Uint8Array, string][] = [
      [pngHeader(4, 4), 'image/png'],
      [jpegWithExif({ width: 4, height: 4 }), 'image/jpeg'],
      [Uint8Array.from([...ascii('GIF89a'), 1, 0, 1, 0, 0, 0, 0]), 'image/gif'],
      [Uint8Array.from([...ascii('RIFF'), 30, 0, 0, 0, ...ascii('WEBPVP8 '), 0, 0, 0, 0, 0, 0, 0, 0]), 'image/webp'],
      [isoBox('heic'), 'image/heic'],
      [isoBox('heix'), 'image/heic'],
      [isoBox('mif1'), 'image/heif'],
    ];
    for (const [bytes, type] of samples) {
      expect((await inspectorOf({ a: bytes }).inspect('a')).contentType).toBe(type);
    }
  });

  it('answers null for bytes that are no image: random, HTML, PDF, empty', async () => {
    const random = Uint8Array.from({ length: 500 }, (_, i) => (i * 7919 + 13) % 251);
    const html = ascii('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const pdf = ascii('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    for (const bytes of [random, html, pdf, new Uint8Array(0)]) {
      expect((await inspectorOf({ a: bytes }).inspect('a')).contentType).toBeNull();
    }
  });
});

describe('parseExifDateTime', () => {
  it('applies negative offsets and rejects impossible dates', () => {
    expect(parseExifDateTime('2022:06:01 00:30:00', '-05:00')).toEqual(new Date('2022-06-01T05:30:00.000Z'));
    expect(parseExifDateTime('2021:02:30 10:00:00', undefined)).toBeNull();
    expect(parseExifDateTime('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(parseExifDateTime('yesterday', undefined)).toBeNull();
    expect(parseExifDateTime(42, undefined)).toBeNull();
  });
});
