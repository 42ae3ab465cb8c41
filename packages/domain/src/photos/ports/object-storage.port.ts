import { token } from '../../shared/token.js';

/** What storage knows of an object: the only trusted source of a photo's size and type. */
export interface StoredObjectFacts {
  readonly size: number;
  readonly contentType: string;
  readonly etag: string;
  readonly lastModified: Date;
}

/** A whole stored object. */
export interface StoredObject {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/**
 * The photo bucket, as far as the domain and its adapters touch it: facts about an object, its first
 * bytes (for image inspection), the whole object (for thumbnails), writing the thumbnails, and removal.
 */
export interface ObjectStorage {
  /** The object's facts, or null when no object has the key. */
  head(key: string): Promise<StoredObjectFacts | null>;
  /**
   * Up to `maxBytes` bytes from the start of the object (all of it when shorter), or null when no object
   * has the key. Image headers and EXIF sit at the start, so inspection never downloads a whole photo.
   */
  readPrefix(key: string, maxBytes: number): Promise<Uint8Array | null>;
  /** The whole object, or null when no object has the key (photos are at most the upload maximum). */
  read(key: string): Promise<StoredObject | null>;
  /**
   * Stores (or replaces) an object. Only the worker writes, and only outside `photos/` (thumbnails),
   * so its writes raise no storage event; uploads arrive through presigned POSTs, never through here.
   */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObjectFacts>;
  /**
   * Removes the objects, in one request where the store can (a photo and its thumbnail go together);
   * removing a missing key succeeds (deletes are repeatable).
   */
  delete(...keys: string[]): Promise<void>;
}

export const ObjectStorageToken = token<ObjectStorage>('ObjectStorage');
