import { nodeAdaptersModule, type HttpGitHubOAuthOptions } from '@hdoc/adapters-node';
import { GitHubOAuthToken, TokenServiceToken, type Clock, type TokenService } from '@hdoc/domain';
import type { ContainerModule } from 'inversify';
import { ConfigError } from '../config/config-error.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { ReadinessCheck } from '../container/readiness-checks.js';
import { TOKEN_KEY_VARIABLES, tokenKeysOf } from './token-keys.js';

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
 * The Node-only adapters (argon2id, ids, secrets, images), with a token service only when the
 * entrypoint's use cases issue or check tokens, and a GitHub client only when they sign in with GitHub.
 */
export async function nodeFamilyModule(
  config: Pick<RuntimeConfig, 'tokens'>,
  ports: ReadonlySet<symbol>,
  clock: Clock,
  github: HttpGitHubOAuthOptions | null,
): Promise<ContainerModule> {
  const keys = ports.has(TokenServiceToken) ? await tokenKeysOf(config) : undefined;
  const tokens =
    keys === undefined
      ? undefined
      : { issuer: config.tokens.issuer, audience: config.tokens.audience, currentKey: keys.current, previousKey: keys.previous };
  return nodeAdaptersModule({
    clock,
    ...(tokens === undefined ? {} : { tokens }),
    ...(ports.has(GitHubOAuthToken) ? { github } : {}),
  }).catch((error: unknown) => {
    // jose refuses a key whose members are not valid base64url or not a curve point: still configuration.
    if (keys?.configured === true || (keys?.previous ?? null) !== null) {
      throw new ConfigError([`${TOKEN_KEY_VARIABLES}: cannot be imported as Ed25519 keys`]);
    }
    throw error;
  });
}
