import { token } from '../../shared/token.js';

/** The largest edge of a thumbnail, in pixels. */
export const THUMBNAIL_MAX_EDGE = 400;

/** A rendered thumbnail. */
export interface Thumbnail {
  readonly bytes: Uint8Array;
  /** Always `image/webp`. */
  readonly contentType: string;
}

/**
 * Renders thumbnails: WebP, at most {@link THUMBNAIL_MAX_EDGE} px on the longest edge (never
 * enlarged), EXIF orientation applied, every metadata block (EXIF, XMP, ICC comments, GPS) stripped.
 */
export interface ImageProcessor {
  /**
   * The thumbnail of an image, or null when the processor cannot decode its format (HEIC, whose
   * codec the prebuilt processors do not ship) or the bytes are broken. Never throws for bad input.
   */
  thumbnail(image: Uint8Array): Promise<Thumbnail | null>;
}

export const ImageProcessorToken = token<ImageProcessor>('ImageProcessor');
