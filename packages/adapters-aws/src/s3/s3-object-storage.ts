import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStorage, StoredObject, StoredObjectFacts } from '@hdoc/domain';
import { isMissingObject } from './s3-errors.js';

/** Where {@link S3ObjectStorage} keeps the objects. */
export interface S3ObjectStorageOptions {
  /** Built by {@link createS3Client}. */
  readonly client: S3Client;
  readonly bucket: string;
}

/** DeleteObjects takes at most 1,000 keys. */
const DELETE_BATCH = 1_000;

/** S3 quotes entity tags in headers; events and the domain carry them bare. */
const bareEtag = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/gu, '');

/**
 * ObjectStorage on one S3 bucket. HEAD for facts, a ranged GET for an object's first bytes, a whole GET for
 * thumbnails, PUT for the worker's thumbnails (under `thumbnails/`, outside the notification's `photos/`
 * filter, so they raise no event) and DELETE, which S3 itself answers 204 for a missing key. Several keys
 * go in one DeleteObjects (up to 1,000 a request), which reports failures per key instead of failing:
 * any is thrown, so a delete either removed every key or is repeated.
 */
export class S3ObjectStorage implements ObjectStorage {
  constructor(private readonly options: S3ObjectStorageOptions) {}

  async head(key: string): Promise<StoredObjectFacts | null> {
    try {
      const output = await this.options.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return {
        size: output.ContentLength ?? 0,
        contentType: output.ContentType ?? 'application/octet-stream',
        etag: bareEtag(output.ETag),
        lastModified: output.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async readPrefix(key: string, maxBytes: number): Promise<Uint8Array | null> {
    if (maxBytes <= 0) return (await this.head(key)) === null ? null : new Uint8Array(0);
    try {
      return (await this.get(key, `bytes=0-${maxBytes - 1}`)).bytes;
    } catch (error) {
      // A range starting at 0 is unsatisfiable only for an empty object.
      if (error instanceof S3ServiceException && error.name === 'InvalidRange') return new Uint8Array(0);
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<StoredObject | null> {
    try {
      return await this.get(key, undefined);
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  /** Writes, then reads the facts back with HEAD: S3's PUT answers the entity tag but not the modification time. */
  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObjectFacts> {
    await this.options.client.send(
      new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }),
    );
    const facts = await this.head(key);
    if (facts === null) throw new Error(`object ${key} vanished right after it was written`);
    return facts;
  }

  async delete(...keys: string[]): Promise<void> {
    const { client, bucket } = this.options;
    if (keys.length === 1) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keys[0] }));
      return;
    }
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const chunk = keys.slice(start, start + DELETE_BATCH);
      const { Errors } = await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }),
      );
      if (Errors !== undefined && Errors.length > 0) {
        const [first] = Errors;
        throw new Error(`S3 refused to delete ${Errors.length} of ${chunk.length} objects, first ${first!.Key ?? '?'}: ${first!.Code ?? ''}`);
      }
    }
  }

  private async get(key: string, range: string | undefined): Promise<StoredObject> {
    const output = await this.options.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: key, ...(range === undefined ? {} : { Range: range }) }),
    );
    const bytes = output.Body === undefined ? new Uint8Array(0) : await output.Body.transformToByteArray();
    return { bytes, contentType: output.ContentType ?? 'application/octet-stream' };
  }
}
