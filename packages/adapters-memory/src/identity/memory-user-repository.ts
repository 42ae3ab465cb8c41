import { NotFoundError, usernameTaken, type User, type UserRepository } from '@hdoc/domain';

/** Users in memory, unique by lowercase username. Returns copies, so callers cannot edit the store. */
export class MemoryUserRepository implements UserRepository {
  private readonly byId = new Map<string, User>();
  private readonly idByUsername = new Map<string, string>();

  async create(user: User): Promise<void> {
    const key = user.username.toLowerCase();
    if (this.idByUsername.has(key)) throw usernameTaken();
    this.byId.set(user.id, copy(user));
    this.idByUsername.set(key, user.id);
  }

  async findById(id: string): Promise<User | null> {
    const user = this.byId.get(id);
    return user === undefined ? null : copy(user);
  }

  async findByUsername(username: string): Promise<User | null> {
    const id = this.idByUsername.get(username.toLowerCase());
    return id === undefined ? null : this.findById(id);
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    const user = this.byId.get(id);
    if (user === undefined) throw new NotFoundError('user');
    this.byId.set(id, { ...user, passwordHash });
  }
}

function copy(user: User): User {
  return { ...user, createdAt: new Date(user.createdAt) };
}
