import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, invalidFields } from '../support/error-details.js';
import type { CheckedResponse } from '../support/openapi-validator.js';
import type { OpenBacking } from '../support/backing.js';
import { bearer, json, startChallengeApp, type ChallengeApp } from './challenge-app.js';

function expectError(answer: CheckedResponse, status: number, code: string, field?: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(errorOf(answer.body).code).toBe(code);
  if (field !== undefined) expect(invalidFields(answer.body)).toContain(field);
}

const GOOD_URL = 'https://github.com/errata/cloud/commit/1';

/**
 * The challenge routes' 400, 401, 403 and 404 answers, on what `backing` opens (the memory family when
 * absent): challenge-errors.test.ts runs them in memory, @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeChallengeErrorFlows(backing?: OpenBacking): void {
  let app: ChallengeApp;
  let token: string;

  beforeAll(async () => {
    app = await startChallengeApp({ backing });
    ({ access_token: token } = await app.login({ login: 'errata' }));
    expect((await app.send('put', '/profiles/me/entries/1/github', json({ url: GOOD_URL }, bearer(token)))).status).toBe(200);
    await app.composition.worker.drained();
  });
  afterAll(() => app?.close());

  describe('400: input is checked at the edge (field paths of the request) and by the domain', () => {
    it.each([
      ['0', 'github', 'path.day'],
      ['101', 'github', 'path.day'],
      ['abc', 'github', 'path.day'],
      ['1e1', 'github', 'path.day'],
      ['0x10', 'github', 'path.day'],
      ['1.5', 'github', 'path.day'],
      ['1', 'facebook', 'path.entry_type'],
      ['1', 'GitHub', 'path.entry_type'],
    ])('PUT /profiles/me/entries/%s/%s -> 400 %s', async (day, type, field) => {
      const answer = await app.send('put', `/profiles/me/entries/${day}/${type}`, json({ url: GOOD_URL }, bearer(token)));
      expectError(answer, 400, 'invalid_input', field);
    });

    it.each([
      [{ url: 'not a url' }, 'body.url'],
      [{ url: 'ftp://github.com/errata/x' }, 'body.url'],
      [{ url: `https://github.com/errata/${'x'.repeat(2040)}` }, 'body.url'],
      [{ url: 42 }, 'body.url'],
      [{}, 'body.url'],
      [{ url: GOOD_URL, verified: true }, 'body.verified'],
    ])('PUT entry with body %j -> 400 %s', async (body, field) => {
      const answer = await app.send('put', '/profiles/me/entries/2/github', json(body, bearer(token)));
      expectError(answer, 400, 'invalid_input', field);
    });

    it('PUT without a body -> 400 body', async () => {
      expectError(await app.send('put', '/profiles/me/entries/2/github', { headers: bearer(token) }), 400, 'invalid_input', 'body');
    });

    it.each([
      [{ timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
      [{ timezone: '+05:00' }, 'body.timezone'],
      [{ timezone: null }, 'body.timezone'],
      [{ full_name: 'x'.repeat(101) }, 'body.full_name'],
      [{ twitter_username: 'has space' }, 'body.twitter_username'],
      [{ linkedin_profile: 'https://example.com/in/me' }, 'body.linkedin_profile'],
      [{ github_username: 'someone-else' }, 'body.github_username'],
      [{ github_score: 20000 }, 'body.github_score'],
    ])('PATCH /profiles/me %j -> 400 %s, changing nothing', async (body, field) => {
      const before = (await app.send('get', '/profiles/errata')).body;
      expectError(await app.send('patch', '/profiles/me', json({ bio: 'should not stick', ...body }, bearer(token))), 400, 'invalid_input', field);
      expect((await app.send('get', '/profiles/errata')).body).toEqual(before);
    });

    it.each([
      ['/leaderboard?limit=0', 'query.limit'],
      ['/leaderboard?limit=101', 'query.limit'],
      ['/leaderboard?limit=ten', 'query.limit'],
      ['/leaderboard?limit=5&limit=6', 'query.limit'],
      ['/leaderboard?status=sleeping', 'query.status'],
      ['/leaderboard?cursor=not-a-cursor', 'query.cursor'],
      [`/leaderboard?cursor=${Buffer.from('[1,2,"Upper"]').toString('base64url')}`, 'query.cursor'],
      ['/profiles/errata/entries?limit=0', 'query.limit'],
      ['/profiles/errata/entries?cursor=e.x', 'query.cursor'],
      ['/leaderboard/errata?neighbours=11', 'query.neighbours'],
      ['/leaderboard/errata?neighbours=-1', 'query.neighbours'],
      ['/leaderboard/-errata', 'path.github_username'],
      ['/profiles/has_underscore', 'path.github_username'],
      [`/profiles/${'a'.repeat(40)}/entries`, 'path.github_username'],
      ['/users', 'query.username'],
      ['/users?username=bad--name', 'query.username'],
    ])('GET %s -> 400 %s', async (path, field) => {
      expectError(await app.send('get', path), 400, 'invalid_input', field);
    });
  });

  describe('401: the bearer routes need a live session', () => {
    const routes: [string, string, RequestInit][] = [
      ['patch', '/profiles/me', json({ bio: 'x' })],
      ['put', '/profiles/me/entries/3/github', json({ url: GOOD_URL })],
    ];

    it.each(routes)('%s %s without a token -> 401 with a Bearer challenge', async (method, path, init) => {
      const answer = await app.send(method, path, init);
      expectError(answer, 401, 'unauthorized');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="hdoc"');
    });

    it.each(routes)('%s %s with a garbage token -> 401 invalid_token', async (method, path, init) => {
      const answer = await app.send(method, path, { ...init, headers: { ...(init.headers as Record<string, string>), ...bearer('garbage.token.here') } });
      expectError(answer, 401, 'unauthorized');
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });

    it('a token stops working as soon as its session is logged out', async () => {
      const { access_token: doomed } = await app.login({ login: 'errata' });
      expect((await app.send('patch', '/profiles/me', json({ bio: 'live' }, bearer(doomed)))).status).toBe(200);
      await app.logOut(doomed);
      for (const [method, path, init] of routes) {
        const answer = await app.send(method, path, { ...init, headers: { ...(init.headers as Record<string, string>), ...bearer(doomed) } });
        expectError(answer, 401, 'unauthorized');
      }
      // The other session of the same participant is untouched.
      expect((await app.send('patch', '/profiles/me', json({ bio: 'still here' }, bearer(token)))).status).toBe(200);
    });
  });

  describe('403: a password account is authenticated but is not a participant', () => {
    it('cannot edit a profile or submit entries', async () => {
      const password = await app.passwordUserToken('photo.person');
      expectError(await app.send('patch', '/profiles/me', json({ bio: 'x' }, bearer(password))), 403, 'forbidden');
      expectError(await app.send('put', '/profiles/me/entries/1/github', json({ url: GOOD_URL }, bearer(password))), 403, 'forbidden');
    });
  });

  describe('404: unknown participants', () => {
    it.each(['/profiles/nobody', '/profiles/nobody/entries', '/leaderboard/nobody', '/users?username=nobody'])('GET %s -> 404', async (path) => {
      expectError(await app.send('get', path), 404, 'not_found');
    });
  });
}
