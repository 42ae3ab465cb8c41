/**
 * A change to one object in the photo bucket, as the worker receives it. Events arrive at least
 * once and in any order; `sequencer` orders the events of one key (see {@link compareSequencers}).
 */
export interface StorageEvent {
  readonly kind: 'created' | 'removed';
  readonly bucket: string;
  /** The decoded object key. */
  readonly key: string;
  /**
   * Hex string; only comparable between events of the same key. Null when the event carries none
   * (real S3 always sends one; moto_server, the local emulator, never does): ingestion then orders
   * the event by the object's current state instead.
   */
  readonly sequencer: string | null;
  /** Object size for `created` events (informational: ingestion trusts `head`, not the event). */
  readonly size: number | null;
  readonly etag: string | null;
}

/**
 * Orders two S3 sequencers of the same key: hex strings of possibly different lengths, compared
 * after left-padding the shorter with zeros (as AWS documents). Negative when `a` is older.
 */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const left = a.toUpperCase().padStart(width, '0');
  const right = b.toUpperCase().padStart(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}
