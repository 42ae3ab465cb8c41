import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import type { PhotoOutput } from '../photo/photo.js';
import { toPhotoOutput } from '../photo/photo.js';
import type { PhotoViewUrls } from '../photo/photo-view-urls.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import { getOwnVisiblePhoto } from './owned-photo.js';

export interface GetPhotoInput {
  readonly actor: Principal;
  readonly photoId: unknown;
}

/**
 * Reads one of the actor's photos with presigned view and thumbnail URLs, identical for every read
 * inside a cache window (see {@link PhotoViewUrls}).
 */
export class GetPhoto {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly urls: PhotoViewUrls,
    private readonly clock: Clock,
  ) {}

  async execute(input: GetPhotoInput): Promise<PhotoOutput> {
    const record = await getOwnVisiblePhoto(this.catalog, input.actor, input.photoId, this.clock.now());
    return toPhotoOutput(record, record.status, await this.urls.urlsOf(record));
  }
}
