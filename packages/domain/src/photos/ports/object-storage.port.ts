import { token } from '../../shared/token.js';

/** What storage knows of an object: the only trusted source of a photo's size and type. */
export interface StoredObjectFacts {
  readonly size: number;
  readonly contentType: string;
  readonly etag: string;
  readonly lastModified: Date;
}

/** The photo bucket, as far as the domain touches it: facts about an object, and its removal. */
export interface ObjectStorage {
  /** The object's facts, or null when no object has the key. */
  head(key: string): Promise<StoredObjectFacts | null>;
  /** Removes the object; removing a missing key succeeds (deletes are repeatable). */
  delete(key: string): Promise<void>;
}

export const ObjectStorageToken = token<ObjectStorage>('ObjectStorage');
