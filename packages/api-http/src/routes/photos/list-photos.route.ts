import { DEFAULT_PAGE_LIMIT, ListPhotos, MAX_PAGE_LIMIT, PHOTO_SORTS, SORT_ORDERS } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { PhotoPageSchema, toPhotoJson } from './photo.schema.js';

const instant = z.iso.datetime({ offset: true });

/** GET /photos: the caller's ready photos, sorted, filtered and paged by cursor. */
export const listPhotosRoute = defineRoute({
  method: 'get',
  path: '/photos',
  operationId: 'listPhotos',
  summary: 'List my photos',
  description:
    'Only ready photos. Photos without taken_at come last when sorting by taken_at; filename sorts ' +
    'case-insensitively. from/to bound uploaded_at (from inclusive, to exclusive). A cursor continues ' +
    'only the list (sort, order, filters) it came from.',
  tags: ['photos'],
  auth: 'bearer',
  request: {
    query: z.object({
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
}).handle(async ({ query, principal, resolve }) => {
  const page = await resolve(ListPhotos).execute({
    actor: principal,
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
