import exifr from 'exifr';
import { imageSize } from 'image-size';
import type { ImageFacts, ImageInspector, ObjectStorage } from '@hdoc/domain';
import { parseExifDateTime } from './exif-date.js';

/** Reads an object's first bytes (null when missing). */
export type ObjectBytesReader = (key: string) => Promise<Uint8Array | null>;

/** Enough for the image header and the EXIF block of camera JPEGs and HEICs. */
export const IMAGE_PREFIX_BYTES = 256 * 1024;

const NOTHING: ImageFacts = { width: null, height: null, takenAt: null };

/** EXIF orientations 5..8 rotate the image a quarter turn: displayed width and height swap. */
const QUARTER_TURNS = new Set([5, 6, 7, 8]);

function dimensionsOf(bytes: Uint8Array): Pick<ImageFacts, 'width' | 'height'> {
  try {
    const size = imageSize(bytes);
    const swap = size.orientation !== undefined && QUARTER_TURNS.has(size.orientation);
    return swap ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return { width: null, height: null };
  }
}

async function takenAtOf(bytes: Uint8Array): Promise<Date | null> {
  try {
    const tags = (await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal'],
      reviveValues: false,
    })) as { DateTimeOriginal?: unknown; OffsetTimeOriginal?: unknown } | undefined;
    return tags ? parseExifDateTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal) : null;
  } catch {
    return null;
  }
}

/**
 * The image inspector: width/height with image-size (JPEG, PNG, WebP, GIF, HEIC/HEIF, with EXIF
 * rotation applied), capture time from EXIF DateTimeOriginal with exifr. Garbage, truncated or
 * missing objects give nulls, never an error: a photo is catalogued even when it cannot be read.
 */
export class ExifrImageInspector implements ImageInspector {
  constructor(private readonly readBytes: ObjectBytesReader) {}

  /** An inspector reading the first bytes of objects from any ObjectStorage adapter. */
  static over(storage: ObjectStorage): ExifrImageInspector {
    return new ExifrImageInspector((key) => storage.readPrefix(key, IMAGE_PREFIX_BYTES));
  }

  async inspect(key: string): Promise<ImageFacts> {
    const bytes = await this.readBytes(key);
    if (bytes === null || bytes.byteLength === 0) return NOTHING;
    return { ...dimensionsOf(bytes), takenAt: await takenAtOf(bytes) };
  }
}
