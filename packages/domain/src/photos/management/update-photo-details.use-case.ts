import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import type { PhotoOutput } from '../photo/photo.js';
import { toPhotoOutput } from '../photo/photo.js';
import type { PhotoViewUrls } from '../photo/photo-view-urls.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import { getOwnVisibleSnapshot } from './owned-photo.js';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_TITLE_LENGTH,
  normaliseTags,
  validateMetadata,
  validateText,
} from './photo-details.js';

/**
 * A partial update: an absent field stays as it is; `title`/`description` null clears them;
 * `tags` and `metadata` replace the whole list/map.
 */
export interface UpdatePhotoDetailsInput {
  readonly actor: Principal;
  readonly photoId: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
  readonly tags?: unknown;
  readonly metadata?: unknown;
}

/**
 * Edits the owner-controlled details of one of the actor's photos (any visible status) and answers
 * the photo as a read would, URLs included.
 */
export class UpdatePhotoDetails {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly urls: PhotoViewUrls,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdatePhotoDetailsInput): Promise<PhotoOutput> {
    // Validate everything before reading, so bad input changes nothing and costs no I/O.
    const changes = {
      ...(input.title !== undefined && { title: validateText(input.title, 'title', MAX_TITLE_LENGTH) }),
      ...(input.description !== undefined && {
        description: validateText(input.description, 'description', MAX_DESCRIPTION_LENGTH),
      }),
      ...(input.tags !== undefined && { tags: normaliseTags(input.tags) }),
      ...(input.metadata !== undefined && { metadata: validateMetadata(input.metadata) }),
    };
    return withOptimisticRetry('photo', async () => {
      const snapshot = await getOwnVisibleSnapshot(this.catalog, input.actor, input.photoId, this.clock.now());
      const updated = { ...snapshot.record, ...changes, version: snapshot.record.version + 1 };
      await this.catalog.save(updated, snapshot);
      return toPhotoOutput(updated, updated.status, await this.urls.urlsOf(updated));
    });
  }
}
