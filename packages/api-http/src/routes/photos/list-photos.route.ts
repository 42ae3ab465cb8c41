import { DEFAULT_PAGE_LIMIT, ListPhotos, MAX_PAGE_LIMIT, PHOTO_LIST_STATUSES, PHOTO_SORTS, SORT_ORDERS } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { PHOTO_PAGE_EXAMPLE, PhotoPageSchema, toPhotoJson } from './photo.schema.js';

const instant = z.iso.datetime({ offset: true });

/** GET /photos: the caller's photos of one status (ready by default), sorted, filtered and paged by cursor. */
export const listPhotosRoute = defineRoute({
  method: 'get',
  path: '/photos',
  operationId: 'listPhotos',
  summary: 'List my photos',
  description:
    'Photos of one status: ready (default), pending (uploads in progress) or rejected (failed uploads, with ' +
    'rejection_reason, listed for 7 days). Every item carries its view_url and thumbnail_url. Ready photos follow ' +
    'sort and order: photos without taken_at come last when sorting by taken_at; filename sorts ' +
    'case-insensitively. Pending and rejected photos are newest first whatever the sort. from/to bound ' +
    'uploaded_at (from inclusive, to exclusive), so they apply to ready photos only (400 otherwise). A cursor ' +
    'continues only the list (status, sort, order, filters) it came from.',
  tags: ['photos'],
  auth: 'bearer',
  request: {
    query: z.object({
      status: z.enum(PHOTO_LIST_STATUSES).default('ready'),
      sort: z.enum(PHOTO_SORTS).default('uploaded_at'),
      order: z.enum(SORT_ORDERS).default('desc'),
      tag: z.string().max(256).optional(),
      content_type: z.string().max(256).optional(),
      from: instant.optional(),
      to: instant.optional(),
      limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).optional().meta({ default: DEFAULT_PAGE_LIMIT }),
      cursor: z.string().max(4096).optional(),
    }),
  },
  responses: { 200: PhotoPageSchema },
  examples: { 200: PHOTO_PAGE_EXAMPLE },
}).handle(async ({ query, principal, resolve }) => {
  const page = await resolve(ListPhotos).execute({
    actor: principal,
    status: query.status,
    sort: query.sort,
    order: query.order,
    ...(query.tag !== undefined && { tag: query.tag }),
    ...(query.content_type !== undefined && { contentType: query.content_type }),
    ...(query.from !== undefined && { from: new Date(query.from) }),
    ...(query.to !== undefined && { to: new Date(query.to) }),
    ...(query.limit !== undefined && { limit: query.limit }),
    ...(query.cursor !== undefined && { cursor: query.cursor }),
  });
  return { status: 200, body: { items: page.items.map(toPhotoJson), next_cursor: page.nextCursor } };
});
