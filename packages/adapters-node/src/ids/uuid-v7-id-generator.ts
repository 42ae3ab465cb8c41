import type { IdGenerator } from '@hdoc/domain';
import { uuidv7 } from 'uuidv7';

/** UUIDv7 ids: unique without coordination and ordered by creation time, so they index well. */
export class UuidV7IdGenerator implements IdGenerator {
  newId(): string {
    return uuidv7();
  }
}
