import { afterAll, beforeAll, describe, it } from 'vitest';
import { bearer, startComposedApi, type ComposedApi } from '../identity/composed-api.js';
import { fuzzOperations, type CheckedSend } from '../support/fuzz.js';
import type { OpenBacking } from '../support/backing.js';

/** The operations this suite fuzzes: the identity and photo areas. */
const MINE = /^\/(users|sessions|photos)(\/|$)/;
/** Ending sessions would log the fuzzer's own token out: fuzzed last, on their own. */
const LOG_OUTS = ['DELETE /sessions/current', 'DELETE /sessions'];

/**
 * Fuzzing of the identity and photo operations (never a 5xx, every answer as documented), on what
 * `backing` opens (the memory family when absent): fuzz.test.ts runs it in memory, @hdoc/local-run's
 * aws-flows/ on the whole AWS path, where a valid but odd input meets the real stores.
 */
export function describeIdentityAndPhotoFuzzing(backing?: OpenBacking): void {
  let api: ComposedApi;

  /**
   * Express routes non-strictly: `/photos/` (an empty `{id}`) is `GET /photos`, which the OpenAPI
   * validator does not know. Such paths are sent without the trailing slash.
   */
  const send: CheckedSend = (method, path, init) => api.send(method, path.replace(/(.)\/(?=\?|$)/, '$1'), init);

  beforeAll(async () => {
    api = await startComposedApi({ backing });
  });
  afterAll(() => api?.close());

  function operationsExcept(keep: (operation: string) => boolean): string[] {
    return Object.entries(api.composition.openApi.paths ?? {}).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'patch', 'delete']
        .filter((method) => (item as Record<string, unknown>)[method] !== undefined)
        .map((method) => `${method.toUpperCase()} ${path}`)
        .filter((operation) => !keep(operation)),
    );
  }

  describe('fuzzing the identity and photo operations', () => {
    it('never answers 5xx and always answers as documented', async () => {
      const account = await api.account('fuzzer');
      const isMine = (operation: string) => MINE.test(operation.split(' ')[1]!);
      await fuzzOperations({
        document: api.composition.openApi,
        send,
        validAuthorization: () => Promise.resolve(account.auth.authorization),
        exclude: operationsExcept((operation) => isMine(operation) && !LOG_OUTS.includes(operation)),
        numRuns: 30,
      });
      await fuzzOperations({
        document: api.composition.openApi,
        send,
        validAuthorization: () => Promise.resolve(bearer(account.tokens.access_token).authorization),
        exclude: operationsExcept((operation) => LOG_OUTS.includes(operation)),
        numRuns: 20,
      });
    }, 60_000);
  });
}
