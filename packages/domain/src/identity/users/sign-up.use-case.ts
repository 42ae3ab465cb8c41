import type { Clock } from '../../shared/clock.port.js';
import type { IdGenerator } from '../../shared/id-generator.port.js';
import type { PasswordHasher } from './password-hasher.port.js';
import { checkPasswordPolicy } from './password-policy.js';
import { toUserView, type UserView } from './user.js';
import type { UserRepository } from './user-repository.port.js';
import { parseUsername, usernameTaken } from './username.js';

export interface SignUpInput {
  readonly username: string;
  readonly password: string;
}

/**
 * Creates a password account (POST /users). The username is stored lowercase; a username taken in
 * any case is a `UsernameTakenError`. Answers `{id, username, createdAt}`, never the hash.
 */
export class SignUp {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: SignUpInput): Promise<UserView> {
    const username = parseUsername(input.username);
    checkPasswordPolicy(input.password);
    // Checked before hashing so a taken name costs no argon2 run; create() still decides races.
    if ((await this.users.findByUsername(username)) !== null) throw usernameTaken();
    const user = {
      id: this.ids.newId(),
      username,
      passwordHash: await this.hasher.hash(input.password),
      createdAt: this.clock.now(),
    };
    await this.users.create(user);
    return toUserView(user);
  }
}

