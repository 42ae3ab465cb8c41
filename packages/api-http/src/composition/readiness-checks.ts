import { TokenServiceToken, type TokenService } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import type { ReadinessCheck } from '../http/system/readiness.js';
import { ReadinessCheckToken } from './tokens.js';

/** Signs and verifies a probe token: the configured signing key is loaded and usable. */
export function tokenSigningCheck(tokens: TokenService): ReadinessCheck {
  return {
    name: 'token-signing-key',
    async check() {
      const { token } = await tokens.issue({ subject: 'readiness-probe', sessionId: 'readiness-probe' });
      await tokens.verify(token);
    },
  };
}

/**
 * The readiness checks every adapter family shares (the token service's key). Each family's module
 * binds its own stores to {@link ReadinessCheckToken} too (the AWS family: its tables, bucket and
 * queues); `/readyz` runs every bound check, plus the in-process worker's when it runs.
 */
export const sharedReadinessModule = new ContainerModule(({ bind }) => {
  bind(ReadinessCheckToken).toResolvedValue((tokens: TokenService) => tokenSigningCheck(tokens), [TokenServiceToken]);
});
