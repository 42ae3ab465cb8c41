import type { Clock } from '../../shared/clock.port.js';
import type { ViewUrlSigner } from '../ports/view-url-signer.port.js';
import type { PhotoRecord } from './photo.js';
import { photoObjectKey, photoThumbnailKey } from './photo-object-key.js';
import type { PhotoSettings } from './photo-settings.js';

/** A photo's read URLs: null where there is nothing to read (not ready, or no thumbnail). */
export interface PhotoUrls {
  readonly viewUrl: string | null;
  readonly thumbnailUrl: string | null;
}

/** Past this many URLs in one window the cache starts over, so it never outgrows a busy window. */
const MAX_CACHED_URLS = 50_000;

/**
 * Hands out the view and thumbnail URLs of photos. A URL's validity interval is aligned to the cache
 * window (issued at the window start, expiring two windows later), so every read inside a window gets
 * the identical URL, browsers reuse the cached image, and a URL handed out is valid for at least one
 * more window. Because the URL is fixed for the window, each is signed once per window and kept in a
 * small cache (dropped when the window turns): a page of 100 photos costs no signing after its first read.
 */
export class PhotoViewUrls {
  private window = -1;
  private readonly signed = new Map<string, string>();

  constructor(
    private readonly signer: ViewUrlSigner,
    private readonly clock: Clock,
    private readonly settings: PhotoSettings,
  ) {}

  /** The URLs of a record as seen now. */
  async urlsOf(record: PhotoRecord): Promise<PhotoUrls> {
    if (record.status !== 'ready') return { viewUrl: null, thumbnailUrl: null };
    const [viewUrl, thumbnailUrl] = await Promise.all([
      this.urlOf(photoObjectKey(record.ownerId, record.id)),
      record.hasThumbnail ? this.urlOf(photoThumbnailKey(record.ownerId, record.id)) : null,
    ]);
    return { viewUrl, thumbnailUrl };
  }

  private async urlOf(key: string): Promise<string> {
    const length = this.settings.viewUrlCacheWindowSeconds * 1000;
    const window = Math.floor(this.clock.now().getTime() / length);
    if (window !== this.window || this.signed.size >= MAX_CACHED_URLS) {
      this.window = window;
      this.signed.clear();
    }
    const cacheKey = `${this.signer.urlScope?.() ?? ''} ${key}`;
    const cached = this.signed.get(cacheKey);
    if (cached !== undefined) return cached;
    const issuedAt = window * length;
    const url = await this.signer.signViewUrl({
      key,
      issuedAt: new Date(issuedAt),
      expiresAt: new Date(issuedAt + 2 * length),
    });
    // A window that turned while signing must not receive the previous window's URL.
    if (this.window === window) this.signed.set(cacheKey, url);
    return url;
  }
}
