import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../shared/errors.js';

/** The image types the catalog accepts, as lowercase MIME types. */
export const ACCEPTED_PHOTO_CONTENT_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
];

/** Length in Unicode code points, so an emoji counts once whatever its UTF-16 size. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/** Rejects text containing C0/C1 control characters (newlines included). */
export function assertNoControlCharacters(value: string, field: string): void {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      throw new ValidationError(field, 'must not contain control characters');
    }
  }
}

/** A display file name: 1..255 characters, no control characters. */
export function validateFilename(filename: unknown): string {
  if (typeof filename !== 'string' || filename.length === 0 || codePointLength(filename) > 255) {
    throw new ValidationError('filename', 'must be 1 to 255 characters');
  }
  assertNoControlCharacters(filename, 'filename');
  return filename;
}

/** One of {@link ACCEPTED_PHOTO_CONTENT_TYPES}, compared exactly (S3 pins the exact string). */
export function validatePhotoContentType(contentType: unknown, field = 'content_type'): string {
  if (typeof contentType !== 'string' || !ACCEPTED_PHOTO_CONTENT_TYPES.includes(contentType)) {
    throw new UnsupportedMediaTypeError(field, `must be one of ${ACCEPTED_PHOTO_CONTENT_TYPES.join(', ')}`);
  }
  return contentType;
}

/** A declared size: an integer from 1 to `maxBytes`. */
export function validateDeclaredSize(size: unknown, maxBytes: number): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new ValidationError('size', 'must be a positive integer number of bytes');
  }
  if (size > maxBytes) throw new PayloadTooLargeError('size', `must be at most ${maxBytes} bytes`);
  return size;
}

const HEIF_FAMILY = new Set(['image/heic', 'image/heif']);

/**
 * Whether bytes whose magic says `actual` are what `declared` announced: the same type, or both of
 * the HEIF family (a HEIC is a HEIF container, and cameras label its brand either way).
 */
export function isSameImageType(declared: string, actual: string): boolean {
  return declared === actual || (HEIF_FAMILY.has(declared) && HEIF_FAMILY.has(actual));
}
