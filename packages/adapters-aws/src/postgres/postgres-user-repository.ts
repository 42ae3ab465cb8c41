import { NotFoundError, usernameTaken, type User, type UserRepository } from '@hdoc/domain';
import type pg from 'pg';

/** The unique index on lower(username) (migrations/*_create-users.sql). */
const USERNAME_INDEX = 'users_username_lower_key';
/** SQLSTATE unique_violation. */
const UNIQUE_VIOLATION = '23505';

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  created_at: Date;
}

const COLUMNS = 'id, username, password_hash, created_at';

/**
 * Users in PostgreSQL's `users` table (the pool's search_path picks the schema). The unique index on
 * lower(username) makes sign-ups of one name in different cases race safely: the database lets one
 * insert win and the others fail with a unique violation, reported as `UsernameTakenError`. Connection
 * and server failures are thrown as pg raised them, so the HTTP edge can answer 503.
 */
export class PostgresUserRepository implements UserRepository {
  constructor(private readonly pool: pg.Pool) {}

  async create(user: User): Promise<void> {
    try {
      await this.pool.query(`INSERT INTO users (${COLUMNS}) VALUES ($1, $2, $3, $4)`, [
        user.id,
        user.username,
        user.passwordHash,
        user.createdAt,
      ]);
    } catch (error) {
      if (isUniqueViolationOf(error, USERNAME_INDEX)) throw usernameTaken();
      throw error;
    }
  }

  async findById(id: string): Promise<User | null> {
    const { rows } = await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toUser(rows[0]);
  }

  async findByUsername(username: string): Promise<User | null> {
    // Written as the index's expression so the lookup uses users_username_lower_key.
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${COLUMNS} FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0] === undefined ? null : toUser(rows[0]);
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    const { rowCount } = await this.pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    if (rowCount === 0) throw new NotFoundError('user');
  }
}

/** Only the username index means "taken": a duplicate id is a bug of the caller and stays a 500. */
function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && violated === constraint;
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, passwordHash: row.password_hash, createdAt: row.created_at };
}
