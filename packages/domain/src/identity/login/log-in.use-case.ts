import { UnauthorizedError, ValidationError } from '../../shared/errors.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.port.js';
import type { SessionTokens } from '../sessions/session.js';
import type { SessionIssuer } from '../sessions/session-issuer.js';
import type { PasswordHasher } from '../users/password-hasher.port.js';
import { checkWellFormedPassword, MAX_PASSWORD_LENGTH, passwordLength } from '../users/password-policy.js';
import type { User } from '../users/user.js';
import type { UserRepository } from '../users/user-repository.port.js';
import { isWellFormedUsername } from '../users/username.js';
import { dummyHashOf } from './dummy-hash.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle, type LoginThrottlePolicy } from './login-throttle.js';

export interface LogInInput {
  readonly username: string;
  readonly password: string;
  /** The caller's network address as the edge saw it, for the per-address rate limit. */
  readonly clientAddress: string;
}

/** The one answer to every wrong credential, so it never tells whether the username exists. */
const INVALID_CREDENTIALS = 'invalid username or password';

/** Longest username the login form accepts before even looking; longer cannot exist. */
const MAX_LOGIN_USERNAME_LENGTH = 32;

/**
 * Password login (POST /sessions). Rate limited per username and per client address. An unknown
 * username and a wrong password fail alike, in message and in cost (the unknown-user path verifies
 * against a dummy hash). On success a hash made with old parameters is upgraded, then a session
 * opens for the user's id.
 */
export class LogIn {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    limiter: RateLimiter,
    private readonly sessions: Pick<SessionIssuer, 'open'>,
    throttlePolicy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
  ) {
    this.throttle = new LoginThrottle(limiter, throttlePolicy);
  }

  async execute(input: LogInInput): Promise<SessionTokens> {
    checkShape(input);
    await this.throttle.attempt(input.username, input.clientAddress);
    const user = await this.verifiedUser(input.username, input.password);
    if (user === null) throw new UnauthorizedError(INVALID_CREDENTIALS);
    await this.throttle.succeeded(input.username);
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(user.id, await this.hasher.hash(input.password));
    }
    return this.sessions.open(user.id);
  }

  private async verifiedUser(username: string, password: string): Promise<User | null> {
    const user = isWellFormedUsername(username)
      ? await this.users.findByUsername(username.toLowerCase())
      : null;
    if (user === null) {
      await this.hasher.verify(await dummyHashOf(this.hasher), password);
      return null;
    }
    return (await this.hasher.verify(user.passwordHash, password)) ? user : null;
  }
}

/** Rejects input no account could match without touching any state; says nothing about accounts. */
function checkShape(input: LogInInput): void {
  if (input.username.length === 0 || input.username.length > MAX_LOGIN_USERNAME_LENGTH) {
    throw new ValidationError('username', `must be 1 to ${MAX_LOGIN_USERNAME_LENGTH} characters long`);
  }
  const length = passwordLength(input.password);
  if (length === 0 || length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError('password', `must be 1 to ${MAX_PASSWORD_LENGTH} characters long`);
  }
  // Malformed input, not a wrong password: no stored password can contain a lone surrogate.
  checkWellFormedPassword(input.password);
}

