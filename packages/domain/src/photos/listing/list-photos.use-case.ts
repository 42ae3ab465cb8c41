import { ValidationError } from '../../shared/errors.js';
import type { Page } from '../../shared/page.js';
import { resolvePageLimit } from '../../shared/page.js';
import type { Principal } from '../../shared/principal.js';
import type { Clock } from '../../shared/clock.port.js';
import type { PhotoOutput, PhotoRecord, PhotoStatus } from '../photo/photo.js';
import { NO_PHOTO_URLS, toPhotoOutput } from '../photo/photo.js';
import type { PhotoViewUrls } from '../photo/photo-view-urls.js';
import { ACCEPTED_PHOTO_CONTENT_TYPES } from '../photo/photo-rules.js';
import { normaliseTag } from '../management/photo-details.js';
import type { PhotoCatalog, PhotoListFilter } from '../ports/photo-catalog.port.js';
import type { PhotoListScope } from './photo-list-cursor.js';
import { decodePhotoListCursor, encodePhotoListCursor } from './photo-list-cursor.js';
import type { PhotoSort, SortOrder } from './photo-order.js';
import { PHOTO_SORTS, SORT_ORDERS, photoListKeyset } from './photo-order.js';

/** The statuses a list can show. */
export const PHOTO_LIST_STATUSES = ['ready', 'pending', 'rejected'] as const;

export interface ListPhotosInput {
  readonly actor: Principal;
  /** Default `ready`; pending and rejected lists are newest first whatever the sort. */
  readonly status?: unknown;
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

function filterOf(input: ListPhotosInput, status: PhotoStatus): PhotoListFilter {
  const from = instant(input.from, 'from');
  const to = instant(input.to, 'to');
  if (status !== 'ready' && (from !== undefined || to !== undefined)) {
    throw new ValidationError(from !== undefined ? 'from' : 'to', 'bounds uploaded_at, so it applies to ready photos only');
  }
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
 * Lists the actor's photos of one status (default ready; lapsed intents, rejected photos past their
 * retention and deleted ones never appear), each with its view and thumbnail URLs, in keyset pages:
 * each cursor holds the last row's position, so a page starts strictly after it and no photo is
 * skipped or repeated, also when photos are added between reads. Ready photos follow the sort (those
 * without taken_at come last when sorting by taken_at, in both orders; filename sorts
 * case-insensitively); pending and rejected ones are newest first whatever the sort.
 */
export class ListPhotos {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly urls: PhotoViewUrls,
    private readonly clock: Clock,
  ) {}

  async execute(input: ListPhotosInput): Promise<Page<PhotoOutput>> {
    const limit = resolvePageLimit(input.limit);
    const status = oneOf<PhotoStatus>(input.status, PHOTO_LIST_STATUSES, 'ready', 'status');
    const sort = oneOf<PhotoSort>(input.sort, PHOTO_SORTS, 'uploaded_at', 'sort');
    const order = oneOf<SortOrder>(input.order, SORT_ORDERS, 'desc', 'order');
    const scope: PhotoListScope =
      status === 'ready'
        ? { status, sort, order, filter: filterOf(input, status) }
        : { status, sort: 'uploaded_at', order: 'desc', filter: filterOf(input, status) };
    const after = input.cursor == null ? null : decodePhotoListCursor(input.cursor, scope);
    const now = this.clock.now();
    const slice = await this.catalog.list({ ownerId: input.actor.subject, ...scope, now, limit, after });
    const last: PhotoRecord | undefined = slice.items[slice.items.length - 1];
    const urls = await this.urls.urlsOfAll(slice.items);
    const items = slice.items.map((record, index) => toPhotoOutput(record, status, urls[index] ?? NO_PHOTO_URLS));
    return {
      items,
      nextCursor: slice.hasMore && last ? encodePhotoListCursor(scope, photoListKeyset(last, scope.sort, status)) : null,
    };
  }
}
