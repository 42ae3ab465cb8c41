import { NotFoundError } from '../../shared/errors.js';
import type { Clock } from '../../shared/clock.port.js';
import type { Principal } from '../../shared/principal.js';
import { isVisiblePhoto } from '../photo/photo.js';
import { photoObjectKey } from '../photo/photo-object-key.js';
import { withOptimisticRetry } from '../../shared/optimistic-retry.js';
import type { ObjectStorage } from '../ports/object-storage.port.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import { findOwnRecord } from './owned-photo.js';

export interface DeletePhotoInput {
  readonly actor: Principal;
  readonly photoId: unknown;
}

/** `deleted` is false when the photo had already been deleted (the repeat was harmless). */
export interface DeletePhotoOutput {
  readonly deleted: boolean;
}

/**
 * Deletes one of the actor's photos: the object first, then the record becomes a tombstone, so a
 * failure in between leaves a visible photo to delete again rather than an orphan object. Deleting
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
      const record = await findOwnRecord(this.catalog, input.actor, input.photoId);
      if (record === null) throw new NotFoundError('photo');
      const key = photoObjectKey(record.ownerId, record.id);
      if (record.status === 'deleted') {
        await this.storage.delete(key);
        return { deleted: false };
      }
      if (!isVisiblePhoto(record, this.clock.now())) throw new NotFoundError('photo');
      await this.storage.delete(key);
      await this.catalog.save({ ...record, status: 'deleted', version: record.version + 1 });
      return { deleted: true };
    });
  }
}
