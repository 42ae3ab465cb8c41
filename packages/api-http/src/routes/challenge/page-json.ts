import type { Page } from '@hdoc/domain';
import { z } from 'zod';

/** A list page as the API shapes it: `{items, next_cursor}`, `next_cursor` null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .strictObject({
      items: z.array(item),
      next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` to read the next page; null on the last one' }),
    })
    .meta({ id });
}

/** Maps a domain page to its JSON shape. */
export function toPageJson<T, J>(page: Page<T>, map: (item: T) => J): { items: J[]; next_cursor: string | null } {
  return { items: page.items.map(map), next_cursor: page.nextCursor };
}
