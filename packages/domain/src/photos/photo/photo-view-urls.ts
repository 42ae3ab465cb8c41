import type { Clock } from '../../shared/clock.port.js';
import type { ViewUrlSigner } from '../ports/view-url-signer.port.js';
import { NO_PHOTO_URLS, type PhotoRecord, type PhotoUrls } from './photo.js';
import { photoObjectKey, photoThumbnailKey } from './photo-object-key.js';
import type { PhotoSettings } from './photo-settings.js';

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
    const [urls] = await this.urlsOfAll([record]);
    return urls ?? NO_PHOTO_URLS;
  }

  /**
   * The URLs of each record, in order, as seen now. One pass for a whole page: the window and the
   * signer's scope are read once, and a cached URL costs a map lookup (no promise per photo).
   */
  async urlsOfAll(records: readonly PhotoRecord[]): Promise<PhotoUrls[]> {
    const window = this.currentWindow();
    const scope = this.signer.urlScope?.() ?? '';
    const urls: PhotoUrls[] = [];
    for (const record of records) {
      if (record.status !== 'ready') {
        urls.push(NO_PHOTO_URLS);
        continue;
      }
      const viewKey = photoObjectKey(record.ownerId, record.id);
      const thumbnailKey = record.hasThumbnail ? photoThumbnailKey(record.ownerId, record.id) : null;
      urls.push({
        viewUrl: this.signed.get(`${scope} ${viewKey}`) ?? (await this.sign(window, scope, viewKey)),
        thumbnailUrl: thumbnailKey === null ? null : (this.signed.get(`${scope} ${thumbnailKey}`) ?? (await this.sign(window, scope, thumbnailKey))),
      });
    }
    return urls;
  }

  /** The current window's number; a new window (or a full cache) starts the cache over. */
  private currentWindow(): number {
    const window = Math.floor(this.clock.now().getTime() / this.windowMs());
    if (window !== this.window || this.signed.size >= MAX_CACHED_URLS) {
      this.window = window;
      this.signed.clear();
    }
    return window;
  }

  private windowMs(): number {
    return this.settings.viewUrlCacheWindowSeconds * 1000;
  }

  /** Signs `key` for `window` and caches it under the signer's `scope`. */
  private async sign(window: number, scope: string, key: string): Promise<string> {
    const issuedAt = window * this.windowMs();
    const url = await this.signer.signViewUrl({
      key,
      issuedAt: new Date(issuedAt),
      expiresAt: new Date(issuedAt + 2 * this.windowMs()),
    });
    // A window that turned while signing must not receive the previous window's URL.
    if (this.window === window) this.signed.set(`${scope} ${key}`, url);
    return url;
  }
}
