import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations } from '../support/fuzz.js';
import { startChallengeApp, type ChallengeApp } from './challenge-app.js';
import type { OpenBacking } from '../support/backing.js';

/**
 * Fuzzing of the challenge operations (never a 5xx, every answer as documented), on what `backing`
 * opens (the memory family when absent): challenge-fuzz.test.ts runs it in memory, @hdoc/local-run's
 * aws-flows/ on the whole AWS path, where a valid but odd input meets the real stores.
 */
export function describeChallengeFuzzing(backing?: OpenBacking): void {
  let app: ChallengeApp;

  beforeAll(async () => {
    app = await startChallengeApp({ backing });
  });
  afterAll(() => app?.close());

  /** Every operation of the document that is not a challenge one (other areas fuzz their own). */
  function otherOperations(): string[] {
    const others: string[] = [];
    for (const [path, item] of Object.entries(app.composition.openApi.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const tags = (operation as { tags?: string[] }).tags ?? [];
        if (!tags.includes('challenge')) others.push(`${method.toUpperCase()} ${path}`);
      }
    }
    return others;
  }

  describe('fuzzing the challenge operations', () => {
    it('never answers 5xx and always answers as documented', async () => {
      const exclude = otherOperations();
      const challengeOperations = Object.values(app.composition.openApi.paths ?? {})
        .flatMap((item) => Object.values(item ?? {}))
        .filter((operation) => ((operation as { tags?: string[] }).tags ?? []).includes('challenge'));
      expect(challengeOperations).toHaveLength(11);
      await fuzzOperations({
        document: app.composition.openApi,
        send: app.send,
        validAuthorization: async () => `Bearer ${(await app.login({ login: 'fuzzy', twitter_username: 'fuzzy_x' })).access_token}`,
        exclude,
        numRuns: 60,
      });
      await app.composition.worker.drained();
    });
  });
}
