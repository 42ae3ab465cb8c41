import { ValidationError } from '../../shared/errors.js';
import type { PhotoStatus } from '../photo/photo.js';
import type { PhotoListFilter } from '../ports/photo-catalog.port.js';
import { decodeBase64Url, encodeBase64Url } from '../../shared/base64url.js';
import type { PhotoListKeyset, PhotoSort, SortOrder } from './photo-order.js';

/** The list a cursor belongs to: a cursor only continues the very list it came from. */
export interface PhotoListScope {
  readonly status: PhotoStatus;
  readonly sort: PhotoSort;
  readonly order: SortOrder;
  readonly filter: PhotoListFilter;
}

function scopeFingerprint(scope: PhotoListScope): unknown[] {
  const { filter } = scope;
  return [
    scope.status,
    scope.sort,
    scope.order,
    filter.tag ?? null,
    filter.contentType ?? null,
    filter.from?.getTime() ?? null,
    filter.to?.getTime() ?? null,
  ];
}

/** An opaque cursor: base64url JSON of the list's scope and the last row's keyset. */
export function encodePhotoListCursor(scope: PhotoListScope, last: PhotoListKeyset): string {
  return encodeBase64Url(JSON.stringify({ s: scopeFingerprint(scope), k: [last.value, last.id] }));
}

function isKeysetValue(sort: PhotoSort, value: unknown): value is PhotoListKeyset['value'] {
  if (sort === 'filename') return typeof value === 'string';
  if (sort === 'taken_at' && value === null) return true;
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * The keyset a cursor points after. Throws ValidationError('cursor') for a cursor that is not one
 * of ours or that was issued for another sort, order or filter.
 */
export function decodePhotoListCursor(cursor: string, scope: PhotoListScope): PhotoListKeyset {
  // Pending and rejected lists are keyed by createdAt (epoch ms) whatever the sort.
  const valueSort: PhotoSort = scope.status === 'ready' ? scope.sort : 'uploaded_at';
  const invalid = (message: string) => new ValidationError('cursor', message);
  const json = decodeBase64Url(cursor);
  if (json === null) throw invalid('is not a valid cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalid('is not a valid cursor');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('is not a valid cursor');
  const { s, k } = parsed as { s?: unknown; k?: unknown };
  if (!Array.isArray(k) || k.length !== 2 || typeof k[1] !== 'string' || !isKeysetValue(valueSort, k[0])) {
    throw invalid('is not a valid cursor');
  }
  if (JSON.stringify(s) !== JSON.stringify(scopeFingerprint(scope))) {
    throw invalid('was issued for another sort, order or filter');
  }
  return { value: k[0], id: k[1] };
}
