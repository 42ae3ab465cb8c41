import { ValidationError } from '../../shared/errors.js';
import type { StorageEvent } from './storage-event.js';

/** One record of an S3 event notification, the wire format of S3, s3rver and the memory storage. */
export interface S3EventRecord {
  readonly eventName: string;
  readonly eventTime?: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: {
      /** URL-encoded, with `+` for spaces. */
      readonly key: string;
      readonly size?: number;
      readonly eTag?: string;
      /** Real S3 always sends it; moto_server never does. */
      readonly sequencer?: string;
    };
  };
}

/** An S3 event notification message body, as S3 delivers it to SQS. */
export interface S3EventNotification {
  readonly Records: readonly S3EventRecord[];
}

const HEX = /^[0-9A-Fa-f]+$/u;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeS3Key(encoded: string, field: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/gu, ' '));
  } catch {
    throw new ValidationError(field, 'is not a valid URL-encoded key');
  }
}

/**
 * Parses one notification record (shape checked, key decoded). `ObjectCreated:*` becomes `created`,
 * `ObjectRemoved:*` (Delete and DeleteMarkerCreated) becomes `removed`; anything else, or any missing
 * or mistyped field, throws ValidationError naming the field.
 */
export function parseS3EventRecord(record: unknown, field = 'record'): StorageEvent {
  if (!isObject(record)) throw new ValidationError(field, 'must be an object');
  const { eventName, s3 } = record;
  let kind: StorageEvent['kind'];
  if (typeof eventName === 'string' && eventName.startsWith('ObjectCreated:')) kind = 'created';
  else if (typeof eventName === 'string' && eventName.startsWith('ObjectRemoved:')) kind = 'removed';
  else throw new ValidationError(`${field}.eventName`, 'must be an ObjectCreated:* or ObjectRemoved:* event');
  if (!isObject(s3) || !isObject(s3.bucket) || !isObject(s3.object)) {
    throw new ValidationError(`${field}.s3`, 'must hold bucket and object');
  }
  const { name } = s3.bucket;
  const { key, size, eTag, sequencer } = s3.object;
  if (typeof name !== 'string' || name.length === 0) {
    throw new ValidationError(`${field}.s3.bucket.name`, 'must be a non-empty string');
  }
  if (typeof key !== 'string' || key.length === 0) {
    throw new ValidationError(`${field}.s3.object.key`, 'must be a non-empty string');
  }
  if (sequencer !== undefined && (typeof sequencer !== 'string' || !HEX.test(sequencer))) {
    throw new ValidationError(`${field}.s3.object.sequencer`, 'must be a hex string');
  }
  if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 0)) {
    throw new ValidationError(`${field}.s3.object.size`, 'must be a non-negative integer');
  }
  if (kind === 'created' && size === undefined) {
    throw new ValidationError(`${field}.s3.object.size`, 'is required for ObjectCreated events');
  }
  if (eTag !== undefined && typeof eTag !== 'string') {
    throw new ValidationError(`${field}.s3.object.eTag`, 'must be a string');
  }
  return {
    kind,
    bucket: name,
    key: decodeS3Key(key, `${field}.s3.object.key`),
    sequencer: sequencer ?? null,
    size: size ?? null,
    etag: eTag ?? null,
  };
}

/**
 * Parses a notification message body into its events. The `s3:TestEvent` S3 sends when a
 * notification is configured carries no records and yields none.
 */
export function parseS3EventNotification(body: unknown): StorageEvent[] {
  if (isObject(body) && body.Event === 's3:TestEvent' && body.Records === undefined) return [];
  if (!isObject(body) || !Array.isArray(body.Records)) {
    throw new ValidationError('Records', 'must be a list of S3 event records');
  }
  return body.Records.map((record: unknown, index) => parseS3EventRecord(record, `Records[${index}]`));
}
