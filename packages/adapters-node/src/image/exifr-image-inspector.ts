import exifr from 'exifr';
import { imageSize } from 'image-size';
import type { ImageFacts, ImageInspector } from '@hdoc/domain';
import { parseExifDateTime } from './exif-date.js';

/** Reads an object's bytes (null when missing): memory storage and S3 both provide one. */
export type ObjectBytesReader = (key: string) => Promise<Uint8Array | null>;

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

  async inspect(key: string): Promise<ImageFacts> {
    const bytes = await this.readBytes(key);
    if (bytes === null || bytes.byteLength === 0) return NOTHING;
    return { ...dimensionsOf(bytes), takenAt: await takenAtOf(bytes) };
  }
}
