import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpImageProcessor } from '../../src/index.js';

const processor = new SharpImageProcessor();

/** A real image of the given size: left half red, right half blue, so orientation shows. */
async function image(width: number, height: number, format: 'jpeg' | 'png' | 'gif' | 'webp', orientation?: number): Promise<Uint8Array> {
  const half = Math.floor(width / 2);
  let pipeline = sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: { create: { width: half, height, channels: 3, background: { r: 255, g: 0, b: 0 } } }, left: 0, top: 0 }]);
  if (orientation !== undefined) {
    pipeline = pipeline.withMetadata({ orientation, exif: { IFD0: { Copyright: 'secret owner', Artist: 'someone' } } });
  }
  return new Uint8Array(await pipeline.toFormat(format).toBuffer());
}

describe('SharpImageProcessor', () => {
  it('renders a WebP of at most 400 px on the longest edge, keeping the aspect ratio', async () => {
    const cases: [number, number, 'jpeg' | 'png' | 'gif' | 'webp', number, number][] = [
      [1200, 800, 'jpeg', 400, 267],
      [600, 1000, 'png', 240, 400],
      [800, 800, 'webp', 400, 400],
      [500, 100, 'gif', 400, 80],
    ];
    for (const [width, height, format, expectedWidth, expectedHeight] of cases) {
      const thumbnail = await processor.thumbnail(await image(width, height, format));
      expect(thumbnail?.contentType).toBe('image/webp');
      const meta = await sharp(thumbnail!.bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: expectedWidth, height: expectedHeight });
    }
  });

  it('never enlarges a small image', async () => {
    const meta = await sharp((await processor.thumbnail(await image(120, 90, 'png')))!.bytes).metadata();
    expect(meta).toMatchObject({ width: 120, height: 90 });
  });

  it('applies the EXIF orientation and strips every metadata block', async () => {
    // Orientation 6: the stored 800×400 image is shown rotated a quarter turn clockwise, 400×800.
    const source = await image(800, 400, 'jpeg', 6);
    expect(await exifr.parse(source, ['Copyright'])).toMatchObject({ Copyright: 'secret owner' });
    const thumbnail = (await processor.thumbnail(source))!;
    const meta = await sharp(thumbnail.bytes).metadata();
    expect(meta).toMatchObject({ width: 200, height: 400 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // The red half, on the left before the turn, is on top after it.
    const { data, info } = await sharp(thumbnail.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(pixel(100, 20)[0]).toBeGreaterThan(200);
    expect(pixel(100, 380)[2]).toBeGreaterThan(200);
  });

  it('answers null for what it cannot decode: HEIC, garbage, HTML, a truncated image', async () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    const heic = Uint8Array.from([0, 0, 0, 24, ...ascii('ftypheic'), 0, 0, 0, 0, ...ascii('mif1heic'), ...new Uint8Array(200)]);
    const jpeg = await image(300, 300, 'jpeg');
    for (const bytes of [heic, Uint8Array.from({ length: 500 }, (_, i) => i % 256), ascii('<html></html>'), jpeg.slice(0, 200), new Uint8Array(0)]) {
      expect(await processor.thumbnail(bytes)).toBeNull();
    }
  });
});
