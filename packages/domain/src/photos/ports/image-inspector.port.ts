import { token } from '../../shared/token.js';

/** What an image says about itself; null where the file does not carry it. */
export interface ImageFacts {
  /**
   * The image type the bytes themselves show (magic bytes), as a MIME type such as `image/png`;
   * null when they are no image type at all (random bytes, HTML, a PDF...).
   */
  readonly contentType: string | null;
  /** Display width in pixels (EXIF rotation applied). */
  readonly width: number | null;
  readonly height: number | null;
  /** EXIF DateTimeOriginal. */
  readonly takenAt: Date | null;
}

/**
 * Reads the real type, dimensions and capture time from a stored object's first bytes. Never throws
 * for unreadable or non-image bytes (it answers nulls): the caller decides what a non-image means.
 */
export interface ImageInspector {
  inspect(key: string): Promise<ImageFacts>;
}

export const ImageInspectorToken = token<ImageInspector>('ImageInspector');
