import {
  ManualClock,
  MemoryRateLimiter,
  MemorySessionStore,
  MemoryUserRepository,
} from '@hdoc/adapters-memory';
import {
  ActionThrottle,
  Authenticate,
  GetCurrentUser,
  LogIn,
  LogOut,
  LogOutEverywhere,
  LogOutWithRefreshToken,
  RefreshSession,
  SessionIssuer,
  SignUp,
  WhoAmI,
  type ActionLimits,
  type LoginThrottlePolicy,
  type PasswordHasher,
  type SessionPolicy,
} from '@hdoc/domain';
import {
  Argon2PasswordHasher,
  generateTokenKey,
  JoseTokenService,
  NodeCryptoSecretGenerator,
  UuidV7IdGenerator,
} from '../../src/index.js';

/** Cheap argon2id for tests that are not about hashing cost; still the real adapter. */
export const TEST_ARGON2 = { memoryCost: 1_024, timeCost: 1, parallelism: 1 };

/** A generous throttle for tests that are not about throttling. */
export const LOOSE_THROTTLE: LoginThrottlePolicy = {
  perUsername: { limit: 1_000, windowSeconds: 60 },
  perClientAddress: { limit: 1_000, windowSeconds: 60 },
};

/** Action limits no test meets unless it is about them. */
export const LOOSE_ACTION_LIMITS: ActionLimits = {
  signUp: { limit: 1_000, windowSeconds: 60 },
  uploadIntent: { limit: 1_000, windowSeconds: 60 },
  entrySubmission: { limit: 1_000, windowSeconds: 60 },
};

export interface IdentityFixtureOptions {
  readonly hasher?: PasswordHasher;
  readonly throttle?: LoginThrottlePolicy;
  readonly sessionPolicy?: SessionPolicy;
  readonly actionLimits?: ActionLimits;
}

/**
 * The identity use cases wired as an app would wire them: the real Node adapters (argon2, jose,
 * node:crypto, UUIDv7) over the memory stores, with a ManualClock for time.
 */
export async function identityFixture(options: IdentityFixtureOptions = {}) {
  const clock = new ManualClock('2026-05-01T12:00:00.000Z');
  const ids = new UuidV7IdGenerator();
  const users = new MemoryUserRepository();
  const sessionStore = new MemorySessionStore(clock);
  const limiter = new MemoryRateLimiter(clock);
  const secrets = new NodeCryptoSecretGenerator();
  const hasher = options.hasher ?? new Argon2PasswordHasher(TEST_ARGON2);
  const tokens = await JoseTokenService.create({
    issuer: 'https://hdoc.test',
    audience: 'hdoc-api',
    currentKey: await generateTokenKey(),
    clock,
  });
  const sessions = new SessionIssuer(sessionStore, tokens, secrets, ids, clock, options.sessionPolicy);
  return {
    clock,
    ids,
    users,
    sessionStore,
    secrets,
    hasher,
    tokens,
    sessions,
    signUp: new SignUp(users, hasher, ids, clock, new ActionThrottle(limiter, options.actionLimits ?? LOOSE_ACTION_LIMITS)),
    logIn: new LogIn(users, hasher, limiter, sessions, options.throttle ?? LOOSE_THROTTLE),
    refreshSession: new RefreshSession(sessions),
    authenticate: new Authenticate(tokens, sessionStore),
    logOut: new LogOut(sessionStore),
    logOutWithRefreshToken: new LogOutWithRefreshToken(sessionStore, secrets),
    logOutEverywhere: new LogOutEverywhere(sessionStore),
    getCurrentUser: new GetCurrentUser(users),
    whoAmI: new WhoAmI(users),
  };
}

export type IdentityFixture = Awaited<ReturnType<typeof identityFixture>>;
