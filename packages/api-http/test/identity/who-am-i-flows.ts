import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startChallengeApp, type ChallengeApp } from '../challenge/challenge-app.js';
import { expectError } from '../photos/photo-api.js';
import type { OpenBacking } from '../support/backing.js';

/**
 * GET /me for password accounts and GitHub sign-ins, on what `backing` opens (the memory family when
 * absent): who-am-i.test.ts runs it in memory, aws-identity/ on PostgreSQL and Redis, and
 * @hdoc/local-run's aws-flows/ on the whole AWS path.
 */
export function describeWhoAmIFlows(backing?: OpenBacking): void {
  let app: ChallengeApp;

  beforeAll(async () => {
    app = await startChallengeApp({ backing });
  });
  afterAll(() => app?.close());

  describe('GET /me', () => {
    it('answers a password account as kind "user", without any secret', async () => {
      const token = await app.passwordUserToken('Pat.Smith');
      const answer = await app.send('get', '/me', { headers: bearer(token) });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const body = answer.body as Record<string, unknown>;
      expect(body).toEqual({ kind: 'user', id: expect.any(String), username: 'pat.smith', created_at: expect.any(String) });
      const account = await app.send('get', '/users/me', { headers: bearer(token) });
      expect(account.body).toEqual({ id: body['id'], username: 'pat.smith', created_at: body['created_at'] });
    });

    it('answers a GitHub sign-in as kind "participant" with its GitHub username', async () => {
      const login = await app.login({ login: 'Octo-Cat', name: 'Octo' });
      const answer = await app.send('get', '/me', { headers: bearer(login.access_token) });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ kind: 'participant', github_username: login.github_username });
      expect(login.github_username.toLowerCase()).toBe('octo-cat');
    });

    it('needs a live bearer token', async () => {
      const anonymous = await app.send('get', '/me');
      expect(anonymous.status).toBe(401);
      expectError(anonymous.body, 'unauthorized');
      const login = await app.login({ login: 'leaver', name: 'Leaver' });
      await app.logOut(login.access_token);
      expect((await app.send('get', '/me', { headers: bearer(login.access_token) })).status).toBe(401);
    });

    it('is in the OpenAPI document with both kinds', () => {
      const document = JSON.stringify(app.composition.openApi);
      const operation = (app.composition.openApi.paths?.['/me'] as { get?: { operationId?: string } } | undefined)?.get;
      expect(operation?.operationId).toBe('whoAmI');
      expect(document).toContain('CallerUser');
      expect(document).toContain('CallerParticipant');
    });
  });
}
