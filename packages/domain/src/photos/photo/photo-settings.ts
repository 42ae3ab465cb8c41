import { token } from '../../shared/token.js';

/** Operator-tunable limits of the photo catalog. */
export interface PhotoSettings {
  /** Largest declared upload, in bytes. */
  readonly maxUploadBytes: number;
  /** How long an upload intent (and its presigned POST) stays usable, in seconds. */
  readonly uploadTtlSeconds: number;
  /**
   * View URLs are identical for every request inside one window of this many seconds (so browsers
   * cache the image) and stay valid for one to two windows after they are handed out.
   */
  readonly viewUrlCacheWindowSeconds: number;
}

export const DEFAULT_PHOTO_SETTINGS: PhotoSettings = {
  maxUploadBytes: 20 * 1024 * 1024,
  uploadTtlSeconds: 15 * 60,
  viewUrlCacheWindowSeconds: 15 * 60,
};

export const PhotoSettingsToken = token<PhotoSettings>('PhotoSettings');
