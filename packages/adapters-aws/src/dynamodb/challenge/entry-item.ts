import type { Entry } from '@hdoc/domain';
import { ENTRY_TYPES } from '@hdoc/domain';
import { entryKey, entryRequeueKeys } from './challenge-keys.js';
import type { Item } from './item-codec.js';
import { flag, instant, integer, itemCodec, nullable, oneOf, text } from './item-codec.js';

/** The attribute the conditional writes read. */
export const ENTRY_REVISION = 'revision';

/** Every entry field, snake_case as in the HTTP API, instants as epoch milliseconds. */
const entryCodec = itemCodec<Entry>({
  githubUsername: ['github_username', text],
  day: ['day', integer],
  entryType: ['entry_type', oneOf(ENTRY_TYPES)],
  url: ['url', text],
  verified: ['verified', flag],
  confidence: ['confidence', integer],
  verificationReason: ['verification_reason', nullable(text)],
  checkedAt: ['checked_at', nullable(instant)],
  requeueAt: ['requeue_at', nullable(instant)],
  localDate: ['local_date', text],
  createdAt: ['created_at', instant],
  updatedAt: ['updated_at', instant],
  revision: [ENTRY_REVISION, integer],
});

/** The entry item: its key, its re-queue index keys while it awaits the verifier, and every field. */
export function entryItem(entry: Entry): Item {
  return { ...entryKey(entry), ...entryRequeueKeys(entry, entry.requeueAt), ...entryCodec.toItem(entry) };
}

/** The entry stored in an item (an entry item, or its copy in the re-queue index). */
export function entryOf(item: Item): Entry {
  return entryCodec.fromItem(item);
}

/** The condition that an entry's stored revision is still `revision`. */
export function unchangedRevision(revision: number) {
  return {
    ConditionExpression: '#revision = :revision',
    ExpressionAttributeNames: { '#revision': ENTRY_REVISION },
    ExpressionAttributeValues: { ':revision': revision },
  };
}

/**
 * The put of `entry` if its stored revision is `expectedRevision` (null: only if it has no item yet): the
 * entry repository's `put`, and the entry in the participant progress store's transaction.
 */
export function entryPut(tableName: string, entry: Entry, expectedRevision: number | null) {
  const condition = expectedRevision === null ? { ConditionExpression: 'attribute_not_exists(pk)' } : unchangedRevision(expectedRevision);
  return { TableName: tableName, Item: entryItem(entry), ...condition };
}
