import type { PhotoListKeyset, PhotoRecord, PhotoSort } from '@hdoc/domain';
import { boundedValue, KEY_SEPARATOR, orderedNumber, orderedText } from '../ordered-key.js';

/** The partition of one owner's records and list slot items. */
export function ownerPartition(ownerId: string): string {
  return `owner#${ownerId}`;
}

/** The record's sort key: `["<id>"]`. JSON, so no id can collide with another's slot. */
export function recordSortKey(photoId: string): string {
  return JSON.stringify([photoId]);
}

/** A slot item's sort key: `["<id>",<slot>]`. */
export function slotSortKey(photoId: string, slot: number): string {
  return JSON.stringify([photoId, slot]);
}

/** Which of an owner's lists a slot item belongs to: all photos of a status, or those with a tag or a type. */
export type PhotoListGroup =
  | { readonly kind: 'all' }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'type'; readonly contentType: string };

/** The list partition (`list_pk`): `["<owner>","<status>","*"|"tag"|"type",...]`. */
export function listPartition(ownerId: string, status: string, group: PhotoListGroup): string {
  const tail = group.kind === 'all' ? ['*'] : group.kind === 'tag' ? ['tag', group.tag] : ['type', group.contentType];
  return JSON.stringify([ownerId, status, ...tail]);
}

/** Sorts after every number: photos without taken_at come after all others in the ascending index. */
export const NULL_VALUE = '~';

/** A keyset value as the index stores it. */
export function encodedValue(sort: PhotoSort | 'created', value: number | string | null): string {
  if (value === null) return NULL_VALUE;
  if (sort === 'filename') return boundedValue(orderedText(String(value)));
  return orderedNumber(Number(value));
}

/** The index sort key of a position: value, separator, id. Unique per list, so keyset bounds are exact. */
export function positionKey(sort: PhotoSort | 'created', keyset: PhotoListKeyset): string {
  return `${encodedValue(sort, keyset.value)}${KEY_SEPARATOR}${orderedText(keyset.id)}`;
}

/** The groups a visible record is listed in: slot 0 all, slot 1 its type, slots 2.. its tags. */
export function groupsOf(record: Pick<PhotoRecord, 'contentType' | 'tags'>): PhotoListGroup[] {
  return [
    { kind: 'all' },
    { kind: 'type', contentType: record.contentType },
    ...record.tags.map((tag): PhotoListGroup => ({ kind: 'tag', tag })),
  ];
}

/** How many slot items a record of that status and tag count has: none for a tombstone. */
export function slotCount(status: PhotoRecord['status'], tagCount: number): number {
  return status === 'deleted' ? 0 : 2 + tagCount;
}

