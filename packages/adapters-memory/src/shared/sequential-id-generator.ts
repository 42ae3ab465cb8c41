import type { IdGenerator } from '@hdoc/domain';

/**
 * Deterministic ids for tests: `<prefix>000001`, `<prefix>000002`... They sort in creation order,
 * like the UUIDv7 ids of production.
 */
export class SequentialIdGenerator implements IdGenerator {
  private next = 1;

  constructor(private readonly prefix = 'id-') {}

  newId(): string {
    return `${this.prefix}${String(this.next++).padStart(12, '0')}`;
  }
}
