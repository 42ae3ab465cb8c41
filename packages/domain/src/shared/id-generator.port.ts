import { token } from './token.js';

/** The only source of identifiers in the domain, so tests control them. */
export interface IdGenerator {
  /** A new unique, time-ordered identifier (UUIDv7 in production). */
  newId(): string;
}

export const IdGeneratorToken = token<IdGenerator>('IdGenerator');
