import { photoListKeyset, type PhotoCatalog, type PhotoListKeyset, type PhotoRecord } from '@hdoc/domain';

/** Every ready photo of `ownerId` in the catalogue, read page by page as the list route does (the pipeline tests and the worker-throughput bench count with it). */
export async function readyPhotos(catalog: PhotoCatalog, ownerId: string): Promise<PhotoRecord[]> {
  const photos: PhotoRecord[] = [];
  let after: PhotoListKeyset | null = null;
  for (;;) {
    const page = await catalog.list({ ownerId, status: 'ready', now: new Date(), sort: 'uploaded_at', order: 'asc', filter: {}, limit: 100, after });
    photos.push(...page.items);
    const last = page.items.at(-1);
    if (!page.hasMore || last === undefined) return photos;
    after = photoListKeyset(last, 'uploaded_at');
  }
}
