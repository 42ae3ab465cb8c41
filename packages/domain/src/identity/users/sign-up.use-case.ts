import type { Clock } from '../../shared/clock.port.js';
import type { IdGenerator } from '../../shared/id-generator.port.js';
import type { ActionThrottle } from '../rate-limit/action-throttle.js';
import type { PasswordHasher } from './password-hasher.port.js';
import { checkPasswordPolicy } from './password-policy.js';
import { toUserView, type UserView } from './user.js';
import type { UserRepository } from './user-repository.port.js';
import { parseUsername, usernameTaken } from './username.js';

export interface SignUpInput {
  readonly username: string;
  readonly password: string;
  /** Where the request came from: sign-ups are limited per client address. */
  readonly clientAddress: string;
}

/**
 * Creates a password account (POST /users). The username is stored lowercase; a username taken in
 * any case is a `UsernameTakenError`. Answers `{id, username, createdAt}`, never the hash. Each client
 * address may create `signUp` accounts per window (`RateLimitedError`); only well-formed requests
 * count, so a user fixing a typo in a form does not use up the allowance.
 */
export class SignUp {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly throttle: ActionThrottle,
  ) {}

  async execute(input: SignUpInput): Promise<UserView> {
    const username = parseUsername(input.username);
    checkPasswordPolicy(input.password);
    await this.throttle.attempt('signUp', input.clientAddress);
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

