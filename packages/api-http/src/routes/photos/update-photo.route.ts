import { MAX_METADATA_KEYS, MAX_TAGS, UpdatePhotoDetails } from '@hdoc/domain';
import { z } from 'zod';
import { defineRoute } from '../../http/routing/define-route.js';
import { PHOTO_EXAMPLE, PhotoIdParams, PhotoSchema, toPhotoJson } from './photo.schema.js';

/**
 * PATCH /photos/{id}: edits title, description, tags, metadata. Shapes are checked here; lengths and
 * normalisation are the domain's (it names the field, e.g. `tags[3]`).
 */
export const updatePhotoRoute = defineRoute({
  method: 'patch',
  path: '/photos/{id}',
  operationId: 'updatePhoto',
  summary: 'Edit the details of one of my photos',
  description:
    'Absent fields stay; title/description null clears them (at most 200 / 2000 characters); tags ' +
    `replace the list (at most ${MAX_TAGS}, each 1..50 characters, stored trimmed and lowercase); ` +
    `metadata replaces the map (at most ${MAX_METADATA_KEYS} keys of [a-z0-9_-]{1,64} other than __proto__, constructor ` +
    'and prototype, values up to 256 characters). Titles and descriptions must not contain control characters (newlines included).',
  tags: ['photos'],
  auth: 'bearer',
  request: {
    params: PhotoIdParams,
    body: z.strictObject({
      title: z.string().nullable().optional(),
      description: z.string().nullable().optional(),
      tags: z.array(z.string()).optional(),
      metadata: z.record(z.string(), z.string()).optional(),
    }),
  },
  responses: { 200: PhotoSchema },
  examples: { 200: PHOTO_EXAMPLE },
  errors: [404],
}).handle(async ({ params, body, principal, resolve, req }) => {
  const photo = await resolve(UpdatePhotoDetails).execute({
    actor: principal,
    photoId: params.id,
    ...(body.title !== undefined && { title: body.title }),
    ...(body.description !== undefined && { description: body.description }),
    ...(body.tags !== undefined && { tags: body.tags }),
    // The parsed record drops a `__proto__` key; the domain sees the sent map, so it refuses that key with 400.
    ...(body.metadata !== undefined && { metadata: (req.body as { metadata: unknown }).metadata }),
  });
  return { status: 200, body: toPhotoJson(photo) };
});
