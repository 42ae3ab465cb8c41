import type { PhotoOutput } from '@hdoc/domain';
import { z } from 'zod';
import { instantText } from '../../http/json/instant-text.js';

const nullableInstant = z.iso.datetime().nullable();

/** One photo of the catalog, as its owner sees it, with its presigned URLs (identical for every read inside a cache window). */
export const PhotoSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(['pending', 'ready', 'rejected']),
    filename: z.string().meta({ description: 'Display only: never part of the storage key' }),
    content_type: z.string(),
    size: z.number().int().meta({ description: 'Bytes: declared while pending, as stored once ready' }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    taken_at: nullableInstant.meta({ description: 'EXIF DateTimeOriginal, when the image has one' }),
    uploaded_at: nullableInstant,
    title: z.string().nullable(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    metadata: z.record(z.string(), z.string()),
    rejection_reason: z
      .enum(['content_type_mismatch', 'not_an_image', 'size_out_of_range'])
      .nullable()
      .meta({
        description:
          'Why the upload was refused (status rejected, else null): the declared type differs from the stored one or ' +
          'from what the bytes are, the bytes are no image, or the size is outside 1..declared. Rejected photos are ' +
          'removed 7 days after their rejection.',
      }),
    view_url: z.string().nullable().meta({
      description: 'Temporary read URL of the photo, the same for every read in a cache window (15 min by default); null until ready',
    }),
    thumbnail_url: z.string().nullable().meta({
      description:
        'Temporary read URL of a WebP thumbnail (at most 400 px on the longest edge, upright, no metadata), cache-stable ' +
        'like view_url; null until ready and for formats the server cannot decode (HEIC)',
    }),
  })
  .meta({ id: 'Photo' });

/** A page of photos, each with its URLs, so a gallery needs one request per page. */
export const PhotoPageSchema = z
  .strictObject({
    items: z.array(PhotoSchema),
    next_cursor: z.string().nullable().meta({ description: 'Opaque; null on the last page' }),
  })
  .meta({ id: 'PhotoPage' });

/** The `{id}` of every single-photo operation. */
export const PhotoIdParams = z.object({ id: z.string().min(1).max(128) });

function isoOrNull(value: Date | null): string | null {
  return value === null ? null : instantText(value);
}

/** The API shape of a photo. */
export function toPhotoJson(photo: PhotoOutput): z.input<typeof PhotoSchema> {
  return {
    id: photo.id,
    status: photo.status,
    filename: photo.filename,
    content_type: photo.contentType,
    size: photo.size,
    width: photo.width,
    height: photo.height,
    taken_at: isoOrNull(photo.takenAt),
    uploaded_at: isoOrNull(photo.uploadedAt),
    title: photo.title,
    description: photo.description,
    // Serialized as they are: copying them would only cost time on every listed photo.
    tags: photo.tags as string[],
    metadata: photo.metadata as Record<string, string>,
    rejection_reason: photo.rejectionReason,
    view_url: photo.viewUrl,
    thumbnail_url: photo.thumbnailUrl,
  };
}

const EXAMPLE_OWNER = '01936f0e-4b2a-7c41-9a5e-2f8d3c6b1e07';
const EXAMPLE_PHOTO_ID = '01937a52-9c8e-7f13-b4d6-5e0a1c2f8b39';
const EXAMPLE_SIGNED = '?expires=1732964400&signature=3q2-7wW9aHkYpL0vXb4nRt8sJm1cE6uFgZoK5dQyTiA';

/** A ready photo, the example of every photo answer. */
export const PHOTO_EXAMPLE = {
  id: EXAMPLE_PHOTO_ID,
  status: 'ready',
  filename: 'IMG_2041.jpg',
  content_type: 'image/jpeg',
  size: 2_483_117,
  width: 4032,
  height: 3024,
  taken_at: '2024-11-16T09:41:27.000Z',
  uploaded_at: '2024-11-30T10:02:44.318Z',
  title: 'Sunrise over the harbour',
  description: 'From the pier, just before the ferry left.',
  tags: ['sunrise', 'harbour'],
  metadata: { camera: 'iPhone 15 Pro' },
  rejection_reason: null,
  view_url: `http://127.0.0.1:3000/local-objects/photos/${EXAMPLE_OWNER}/${EXAMPLE_PHOTO_ID}${EXAMPLE_SIGNED}`,
  thumbnail_url: `http://127.0.0.1:3000/local-objects/thumbnails/${EXAMPLE_OWNER}/${EXAMPLE_PHOTO_ID}${EXAMPLE_SIGNED}`,
} satisfies z.input<typeof PhotoSchema>;

/** A first page of photos with more to read. */
export const PHOTO_PAGE_EXAMPLE = {
  items: [PHOTO_EXAMPLE],
  next_cursor: 'eyJ1IjoiMjAyNC0xMS0zMFQxMDowMjo0NC4zMThaIiwiaSI6IjAxOTM3YTUyIn0',
} satisfies z.input<typeof PhotoPageSchema>;
