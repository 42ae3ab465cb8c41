import type { PhotoListKeyset, PhotoRecord, PhotoSort } from '@hdoc/domain';
import { boundedValue, KEY_SEPARATOR, orderedNumber, orderedText } from '../ordered-key.js';

/** The partition of one owner's photo records and index items. */
export function ownerPartition(ownerId: string): string {
  return `owner#${ownerId}`;
}

/** The record's sort key: `["<id>"]`. JSON, so no id can collide with another photo's items. */
export function recordSortKey(photoId: string): string {
  return JSON.stringify([photoId]);
}

/** The sort keys of a photo's record and index items all begin with this (a JSON array opening with the id). */
export function photoItemsPrefix(photoId: string): string {
  return JSON.stringify([photoId]).slice(0, -1);
}

/** An index item's sort key: `["<id>","<index id>",<slot>]`; each save that rewrites the index uses a new index id. */
export function indexItemSortKey(photoId: string, indexId: string, slot: number): string {
  return JSON.stringify([photoId, indexId, slot]);
}

/** Which of an owner's lists an item belongs to: all photos of a status, or those with a tag or a type. */
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

/** The groups served by index items (the owner's list of all photos is served by the record itself): its type, then its tags. */
export function indexedGroupsOf(record: Pick<PhotoRecord, 'contentType' | 'tags'>): PhotoListGroup[] {
  return [
    { kind: 'type', contentType: record.contentType },
    ...record.tags.map((tag): PhotoListGroup => ({ kind: 'tag', tag })),
  ];
}
