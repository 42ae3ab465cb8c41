import { ValidationError } from '../../shared/errors.js';
import type { Page } from '../../shared/page.js';
import { resolvePageLimit } from '../../shared/page.js';
import type { Principal } from '../../shared/principal.js';
import type { PhotoOutput, PhotoRecord } from '../photo/photo.js';
import { toPhotoOutput } from '../photo/photo.js';
import { ACCEPTED_PHOTO_CONTENT_TYPES } from '../photo/photo-rules.js';
import { normaliseTag } from '../management/photo-details.js';
import type { PhotoCatalog, PhotoListFilter } from '../ports/photo-catalog.port.js';
import type { PhotoListScope } from './photo-list-cursor.js';
import { decodePhotoListCursor, encodePhotoListCursor } from './photo-list-cursor.js';
import type { PhotoSort, SortOrder } from './photo-order.js';
import { PHOTO_SORTS, SORT_ORDERS, photoListKeyset } from './photo-order.js';

export interface ListPhotosInput {
  readonly actor: Principal;
  /** Default `uploaded_at`. */
  readonly sort?: unknown;
  /** Default `desc`. */
  readonly order?: unknown;
  readonly tag?: unknown;
  readonly contentType?: unknown;
  /** uploaded_at >= from. */
  readonly from?: unknown;
  /** uploaded_at < to. */
  readonly to?: unknown;
  readonly limit?: number;
  readonly cursor?: string | null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function instant(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new ValidationError(field, 'must be a date-time');
  return value;
}

function filterOf(input: ListPhotosInput): PhotoListFilter {
  const from = instant(input.from, 'from');
  const to = instant(input.to, 'to');
  if (from !== undefined && to !== undefined && from.getTime() >= to.getTime()) {
    throw new ValidationError('to', 'must be later than from');
  }
  return {
    ...(input.tag !== undefined && { tag: normaliseTag(input.tag, 'tag') }),
    ...(input.contentType !== undefined && {
      contentType: oneOf(input.contentType, ACCEPTED_PHOTO_CONTENT_TYPES, '', 'content_type'),
    }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
  };
}

/**
 * Lists the actor's ready photos (pending, lapsed, rejected and deleted ones never appear), in
 * keyset pages: each cursor holds the last row's position, so a page starts strictly after it and
 * no photo is skipped or repeated, also when photos are added between reads. Photos without
 * taken_at come last when sorting by taken_at, in both orders; filename sorts case-insensitively.
 */
export class ListPhotos {
  constructor(private readonly catalog: PhotoCatalog) {}

  async execute(input: ListPhotosInput): Promise<Page<PhotoOutput>> {
    const limit = resolvePageLimit(input.limit);
    const scope: PhotoListScope = {
      sort: oneOf<PhotoSort>(input.sort, PHOTO_SORTS, 'uploaded_at', 'sort'),
      order: oneOf<SortOrder>(input.order, SORT_ORDERS, 'desc', 'order'),
      filter: filterOf(input),
    };
    const after = input.cursor == null ? null : decodePhotoListCursor(input.cursor, scope);
    const slice = await this.catalog.list({ ownerId: input.actor.subject, ...scope, limit, after });
    const last: PhotoRecord | undefined = slice.items[slice.items.length - 1];
    return {
      items: slice.items.map((record) => toPhotoOutput(record, 'ready')),
      nextCursor: slice.hasMore && last ? encodePhotoListCursor(scope, photoListKeyset(last, scope.sort)) : null,
    };
  }
}
