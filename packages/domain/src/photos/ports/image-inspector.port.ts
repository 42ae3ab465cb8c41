import { token } from '../../shared/token.js';

/** What an image says about itself; null where the file does not carry it. */
export interface ImageFacts {
  /** Display width in pixels (EXIF rotation applied). */
  readonly width: number | null;
  readonly height: number | null;
  /** EXIF DateTimeOriginal. */
  readonly takenAt: Date | null;
}

/**
 * Reads dimensions and capture time from a stored object. Never throws for unreadable or
 * non-image bytes (it answers nulls): a broken image is still the owner's file.
 */
export interface ImageInspector {
  inspect(key: string): Promise<ImageFacts>;
}

export const ImageInspectorToken = token<ImageInspector>('ImageInspector');
