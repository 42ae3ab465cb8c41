import { NotFoundError } from '../../shared/errors.js';
import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import { isVisiblePhoto } from '../photo/photo.js';
import { photoObjectKey, photoThumbnailKey } from '../photo/photo-object-key.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { ObjectStorage } from '../ports/object-storage.port.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import { findOwnSnapshot } from './owned-photo.js';

export interface DeletePhotoInput {
  readonly actor: Principal;
  readonly photoId: unknown;
}

/** `deleted` is false when the photo had already been deleted (the repeat was harmless). */
export interface DeletePhotoOutput {
  readonly deleted: boolean;
}

/**
 * Deletes one of the actor's photos: the object and its thumbnail first, then the record becomes a
 * tombstone, so a failure in between leaves a visible photo to delete again rather than an orphan
 * object. Deleting
 * one's own already-deleted photo succeeds again (and retries the object removal); a missing,
 * lapsed or other owner's photo is NotFoundError('photo').
 */
export class DeletePhoto {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeletePhotoInput): Promise<DeletePhotoOutput> {
    return withOptimisticRetry('photo', async () => {
      const snapshot = await findOwnSnapshot(this.catalog, input.actor, input.photoId);
      if (snapshot === null) throw new NotFoundError('photo');
      const { record } = snapshot;
      if (record.status === 'deleted') {
        await this.removeObjects(record.ownerId, record.id);
        return { deleted: false };
      }
      if (!isVisiblePhoto(record, this.clock.now())) throw new NotFoundError('photo');
      await this.removeObjects(record.ownerId, record.id);
      await this.catalog.save({ ...record, status: 'deleted', version: record.version + 1 }, snapshot);
      return { deleted: true };
    });
  }

  /** Removes the photo and its thumbnail (deleting a missing key succeeds, so this repeats safely). */
  private async removeObjects(ownerId: string, photoId: string): Promise<void> {
    await this.storage.delete(photoObjectKey(ownerId, photoId), photoThumbnailKey(ownerId, photoId));
  }
}
