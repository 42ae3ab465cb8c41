import { DEFAULT_SESSION_POLICY, NotFoundError, UnauthorizedError, type SessionTokens } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { identityFixture, type IdentityFixture } from './identity-fixture.js';

const DAY = 24 * 3600_000;
/** The default reuse grace: 15 seconds. */
const GRACE_MS = DEFAULT_SESSION_POLICY.refreshReuseGraceSeconds * 1000;

async function loggedIn(f: IdentityFixture, username = 'alice'): Promise<{ userId: string; tokens: SessionTokens }> {
  const existing = await f.users.findByUsername(username);
  const userId = existing?.id ?? (await f.signUp.execute({ username, password: 'correct horse', clientAddress: '192.0.2.1' })).id;
  return { userId, tokens: await f.logIn.execute({ username, password: 'correct horse', clientAddress: '192.0.2.1' }) };
}

async function rejected(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(UnauthorizedError);
}

describe('sessions: refresh, authenticate, log out', () => {
  it('rotates the refresh token on every refresh and keeps the session', async () => {
    const f = await identityFixture();
    const { userId, tokens } = await loggedIn(f);
    const sessionId = (await f.authenticate.execute({ accessToken: tokens.accessToken })).sessionId;
    const next = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    expect(next).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(await f.authenticate.execute({ accessToken: next.accessToken })).toEqual({ subject: userId, sessionId });
    const third = await f.refreshSession.execute({ refreshToken: next.refreshToken });
    expect(await f.authenticate.execute({ accessToken: third.accessToken })).toEqual({ subject: userId, sessionId });
  });

  it('revokes the whole session when a used refresh token is presented again after the grace window', async () => {
    const f = await identityFixture();
    const { tokens } = await loggedIn(f);
    const next = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    f.clock.advance(GRACE_MS);
    await rejected(f.refreshSession.execute({ refreshToken: tokens.refreshToken }));
    // The legitimate holder's newer tokens die with it: the thief and the owner both log in again.
    await rejected(f.authenticate.execute({ accessToken: next.accessToken }));
    await rejected(f.authenticate.execute({ accessToken: tokens.accessToken }));
    await rejected(f.refreshSession.execute({ refreshToken: next.refreshToken }));
  });

  it('gives a used refresh token a sibling pair just inside the grace window, and revokes at its edge', async () => {
    const f = await identityFixture();
    const { userId, tokens } = await loggedIn(f);
    const { sessionId } = await f.authenticate.execute({ accessToken: tokens.accessToken });
    const first = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    f.clock.advance(GRACE_MS - 1);
    const sibling = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    expect(sibling.refreshToken).not.toBe(first.refreshToken);
    for (const pair of [first, sibling]) {
      expect(await f.authenticate.execute({ accessToken: pair.accessToken })).toEqual({ subject: userId, sessionId });
    }
    // Re-presenting does not restart the window: it is counted from the token's first use.
    f.clock.advance(1);
    await rejected(f.refreshSession.execute({ refreshToken: tokens.refreshToken }));
    for (const pair of [first, sibling]) {
      await rejected(f.authenticate.execute({ accessToken: pair.accessToken }));
      await rejected(f.refreshSession.execute({ refreshToken: pair.refreshToken }));
    }
  });

  it('keeps every sibling pair usable until it is used, each once', async () => {
    const f = await identityFixture();
    const { tokens } = await loggedIn(f);
    const first = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    const sibling = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    f.clock.advance(3600_000);
    const fromFirst = await f.refreshSession.execute({ refreshToken: first.refreshToken });
    const fromSibling = await f.refreshSession.execute({ refreshToken: sibling.refreshToken });
    for (const pair of [fromFirst, fromSibling]) await expect(f.authenticate.execute({ accessToken: pair.accessToken })).resolves.toBeDefined();
    f.clock.advance(GRACE_MS);
    await rejected(f.refreshSession.execute({ refreshToken: sibling.refreshToken }));
    await rejected(f.authenticate.execute({ accessToken: fromFirst.accessToken }));
  });

  it('lets 10 parallel refreshes with one token inside the window all succeed, each with a working pair', async () => {
    const f = await identityFixture();
    const { userId, tokens } = await loggedIn(f);
    const { sessionId } = await f.authenticate.execute({ accessToken: tokens.accessToken });
    const pairs = await Promise.all(
      Array.from({ length: 10 }, () => f.refreshSession.execute({ refreshToken: tokens.refreshToken })),
    );
    expect(new Set(pairs.map((pair) => pair.refreshToken)).size).toBe(10);
    for (const pair of pairs) {
      expect(await f.authenticate.execute({ accessToken: pair.accessToken })).toEqual({ subject: userId, sessionId });
    }
    const nextPairs = await Promise.all(pairs.map((pair) => f.refreshSession.execute({ refreshToken: pair.refreshToken })));
    for (const pair of nextPairs) {
      expect(await f.authenticate.execute({ accessToken: pair.accessToken })).toEqual({ subject: userId, sessionId });
    }
    expect(await f.sessionStore.get(sessionId)).not.toBeNull();
  });

  it('with the grace disabled, of two concurrent refreshes with one token exactly one succeeds, and the replay ends the session', async () => {
    const f = await identityFixture({ sessionPolicy: { ...DEFAULT_SESSION_POLICY, refreshReuseGraceSeconds: 0 } });
    const { tokens } = await loggedIn(f);
    const outcomes = await Promise.allSettled([
      f.refreshSession.execute({ refreshToken: tokens.refreshToken }),
      f.refreshSession.execute({ refreshToken: tokens.refreshToken }),
    ]);
    const succeeded = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBeInstanceOf(UnauthorizedError);
    const [winner] = succeeded as [SessionTokens];
    await rejected(f.authenticate.execute({ accessToken: winner.accessToken }));
    await rejected(f.refreshSession.execute({ refreshToken: winner.refreshToken }));
  });

  it('rejects unknown and empty refresh tokens without touching any session', async () => {
    const f = await identityFixture();
    const { tokens } = await loggedIn(f);
    await rejected(f.refreshSession.execute({ refreshToken: f.secrets.newSecret() }));
    await rejected(f.refreshSession.execute({ refreshToken: '' }));
    await rejected(f.refreshSession.execute({ refreshToken: tokens.accessToken }));
    await expect(f.refreshSession.execute({ refreshToken: tokens.refreshToken })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('ends a session idle for 7 days; refreshing keeps it alive, but never beyond 30 days', async () => {
    const f = await identityFixture();
    const idle = (await loggedIn(f, 'idle-user')).tokens;
    f.clock.advance(7 * DAY);
    await rejected(f.refreshSession.execute({ refreshToken: idle.refreshToken }));

    let { refreshToken } = (await loggedIn(f, 'busy-user')).tokens;
    for (let day = 6; day < 30; day += 6) {
      f.clock.advance(6 * DAY);
      ({ refreshToken } = await f.refreshSession.execute({ refreshToken }));
    }
    f.clock.advance(6 * DAY);
    await rejected(f.refreshSession.execute({ refreshToken }));
  });

  it('expires access tokens after 15 minutes while the session lives on', async () => {
    const f = await identityFixture();
    const { tokens } = await loggedIn(f);
    f.clock.advance(15 * 60_000);
    await rejected(f.authenticate.execute({ accessToken: tokens.accessToken }));
    const next = await f.refreshSession.execute({ refreshToken: tokens.refreshToken });
    await expect(f.authenticate.execute({ accessToken: next.accessToken })).resolves.toBeDefined();
  });

  it('rejects a validly signed token whose session is unknown or belongs to someone else', async () => {
    const f = await identityFixture();
    const { tokens } = await loggedIn(f);
    const { sessionId } = await f.authenticate.execute({ accessToken: tokens.accessToken });
    const foreign = await f.tokens.issue({ subject: 'someone-else', sessionId });
    await rejected(f.authenticate.execute({ accessToken: foreign.token }));
    const orphan = await f.tokens.issue({ subject: 'someone-else', sessionId: 'no-such-session' });
    await rejected(f.authenticate.execute({ accessToken: orphan.token }));
  });

  it('log out invalidates the access token at once, and the refresh token, but not other sessions', async () => {
    const f = await identityFixture();
    const phone = (await loggedIn(f)).tokens;
    const laptop = (await loggedIn(f)).tokens;
    const actor = await f.authenticate.execute({ accessToken: phone.accessToken });
    await f.logOut.execute({ actor });
    await rejected(f.authenticate.execute({ accessToken: phone.accessToken }));
    await rejected(f.refreshSession.execute({ refreshToken: phone.refreshToken }));
    await expect(f.authenticate.execute({ accessToken: laptop.accessToken })).resolves.toMatchObject({ subject: actor.subject });
    await f.logOut.execute({ actor });
  });

  it('log out with a refresh token ends its session, whichever of its tokens, and is harmless when repeated', async () => {
    const f = await identityFixture();
    const phone = (await loggedIn(f)).tokens;
    const laptop = (await loggedIn(f)).tokens;
    const rotated = await f.refreshSession.execute({ refreshToken: phone.refreshToken });
    await f.logOutWithRefreshToken.execute({ refreshToken: phone.refreshToken });
    await rejected(f.authenticate.execute({ accessToken: rotated.accessToken }));
    await rejected(f.refreshSession.execute({ refreshToken: rotated.refreshToken }));
    await f.logOutWithRefreshToken.execute({ refreshToken: phone.refreshToken });
    await f.logOutWithRefreshToken.execute({ refreshToken: f.secrets.newSecret() });
    await expect(f.authenticate.execute({ accessToken: laptop.accessToken })).resolves.toBeDefined();
  });

  it('log out everywhere revokes every session of the subject and no one else’s', async () => {
    const f = await identityFixture();
    const phone = (await loggedIn(f)).tokens;
    const laptop = (await loggedIn(f)).tokens;
    const bob = (await loggedIn(f, 'bob')).tokens;
    const actor = await f.authenticate.execute({ accessToken: laptop.accessToken });
    expect(await f.logOutEverywhere.execute({ actor })).toEqual({ revokedSessions: 2 });
    for (const tokens of [phone, laptop]) {
      await rejected(f.authenticate.execute({ accessToken: tokens.accessToken }));
      await rejected(f.refreshSession.execute({ refreshToken: tokens.refreshToken }));
    }
    await expect(f.authenticate.execute({ accessToken: bob.accessToken })).resolves.toBeDefined();
  });

  it('GetCurrentUser answers the account of the principal, without the hash', async () => {
    const f = await identityFixture();
    const { userId, tokens } = await loggedIn(f);
    const actor = await f.authenticate.execute({ accessToken: tokens.accessToken });
    expect(await f.getCurrentUser.execute({ actor })).toEqual({ id: userId, username: 'alice', createdAt: f.clock.now() });
    await expect(f.getCurrentUser.execute({ actor: { subject: 'github:octocat', sessionId: actor.sessionId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('WhoAmI tells a password account from a GitHub participant', async () => {
    const f = await identityFixture();
    const { userId, tokens } = await loggedIn(f);
    const actor = await f.authenticate.execute({ accessToken: tokens.accessToken });
    expect(await f.whoAmI.execute({ actor })).toEqual({ kind: 'user', id: userId, username: 'alice', createdAt: f.clock.now() });
    const participant = { subject: 'github:Octo-Cat', sessionId: actor.sessionId };
    expect(await f.whoAmI.execute({ actor: participant })).toEqual({ kind: 'participant', githubUsername: 'Octo-Cat' });
    await expect(f.whoAmI.execute({ actor: { subject: 'deleted-user-id', sessionId: actor.sessionId } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
