import { token } from '../../shared/token.js';
import type { User } from './user.js';

/**
 * The accounts of password users (PostgreSQL in production). Usernames are unique
 * case-insensitively: the repository enforces it atomically, whatever case it is given.
 */
export interface UserRepository {
  /** Stores a new user; throws `UsernameTakenError` when the username is taken, leaving the holder unchanged. */
  create(user: User): Promise<void>;
  /** The user with this id, or null. */
  findById(id: string): Promise<User | null>;
  /** The user with this username compared case-insensitively, or null. */
  findByUsername(username: string): Promise<User | null>;
  /** Replaces the stored hash (parameter upgrade on login); throws `NotFoundError` for an unknown id. */
  updatePasswordHash(id: string, passwordHash: string): Promise<void>;
}

export const UserRepositoryToken = token<UserRepository>('UserRepository');
