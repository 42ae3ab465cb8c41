import type { ImageProcessor, Thumbnail } from '@hdoc/domain';
import { THUMBNAIL_MAX_EDGE } from '@hdoc/domain';
import sharp from 'sharp';

/** WebP quality of thumbnails: small files that still look sharp at 400 px. */
const WEBP_QUALITY = 80;

/**
 * Thumbnails with sharp (libvips): the first frame, turned upright by its EXIF orientation, fitted
 * inside 400×400 px (never enlarged), encoded as WebP. sharp writes no metadata unless asked, so
 * EXIF (GPS included), XMP, IPTC and ICC comments are all dropped. The prebuilt sharp has no HEVC
 * decoder, so HEIC (and any other undecodable or broken input) answers null: no thumbnail.
 */
export class SharpImageProcessor implements ImageProcessor {
  async thumbnail(image: Uint8Array): Promise<Thumbnail | null> {
    try {
      const bytes = await sharp(image)
        .rotate()
        .resize({ width: THUMBNAIL_MAX_EDGE, height: THUMBNAIL_MAX_EDGE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer();
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: 'image/webp' };
    } catch {
      return null;
    }
  }
}
