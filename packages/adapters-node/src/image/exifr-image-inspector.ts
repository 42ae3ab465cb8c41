import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import type { ImageFacts, ImageInspector, ObjectStorage } from '@hdoc/domain';
import { parseExifDateTime } from './exif-date.js';

/** Reads an object's first bytes (null when missing). */
export type ObjectBytesReader = (key: string) => Promise<Uint8Array | null>;

/** Enough for the image header and the EXIF block of camera JPEGs and HEICs. */
export const IMAGE_PREFIX_BYTES = 256 * 1024;

const NOTHING: ImageFacts = { contentType: null, width: null, height: null, takenAt: null };

/** Sequences (bursts, live photos) are still HEIF images: the catalog knows them by the still type. */
const STILL_TYPE: Readonly<Record<string, string>> = {
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heif',
};

/** The image type the magic bytes show (file-type), or null when they are no image. */
async function contentTypeOf(bytes: Uint8Array): Promise<string | null> {
  try {
    const detected = await fileTypeFromBuffer(bytes);
    if (detected === undefined || !detected.mime.startsWith('image/')) return null;
    return STILL_TYPE[detected.mime] ?? detected.mime;
  } catch {
    return null;
  }
}

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
 * The image inspector: the real type from the magic bytes with file-type, width/height with
 * image-size (JPEG, PNG, WebP, GIF, HEIC/HEIF, with EXIF rotation applied), capture time from EXIF
 * DateTimeOriginal with exifr. Garbage, truncated or missing objects give nulls, never an error;
 * ingestion refuses what is no image of the declared type.
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
    return { contentType: await contentTypeOf(bytes), ...dimensionsOf(bytes), takenAt: await takenAtOf(bytes) };
  }
}
