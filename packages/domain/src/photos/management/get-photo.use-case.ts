import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import { photoObjectKey } from '../photo/photo-object-key.js';
import type { PhotoSettings } from '../photo/photo-settings.js';
import type { PhotoOutput } from '../photo/photo.js';
import { toPhotoOutput } from '../photo/photo.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import type { ViewUrlSigner } from '../ports/view-url-signer.port.js';
import { getOwnVisiblePhoto } from './owned-photo.js';

export interface GetPhotoInput {
  readonly actor: Principal;
  readonly photoId: unknown;
}

/** The photo plus a view URL (null until the photo is ready). */
export interface GetPhotoOutput extends PhotoOutput {
  readonly viewUrl: string | null;
}

/**
 * Reads one of the actor's photos with a presigned view URL. The URL's validity interval is
 * aligned to the cache window (issued at the window start, expiring two windows later), so every
 * read inside a window returns the identical URL and browsers reuse the cached image; a URL is
 * always valid for at least one more window when handed out.
 */
export class GetPhoto {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly viewUrls: ViewUrlSigner,
    private readonly clock: Clock,
    private readonly settings: PhotoSettings,
  ) {}

  async execute(input: GetPhotoInput): Promise<GetPhotoOutput> {
    const now = this.clock.now();
    const record = await getOwnVisiblePhoto(this.catalog, input.actor, input.photoId, now);
    let viewUrl: string | null = null;
    if (record.status === 'ready') {
      const window = this.settings.viewUrlCacheWindowSeconds * 1000;
      const issuedAt = Math.floor(now.getTime() / window) * window;
      viewUrl = await this.viewUrls.signViewUrl({
        key: photoObjectKey(record.ownerId, record.id),
        issuedAt: new Date(issuedAt),
        expiresAt: new Date(issuedAt + 2 * window),
      });
    }
    return { ...toPhotoOutput(record, record.status), viewUrl };
  }
}
