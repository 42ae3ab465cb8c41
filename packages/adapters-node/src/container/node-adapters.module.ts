import {
  GitHubOAuthToken,
  IdGeneratorToken,
  ImageInspectorToken,
  ImageProcessorToken,
  ObjectStorageToken,
  type ObjectStorage,
  PasswordHasherToken,
  SecretGeneratorToken,
  TokenServiceToken,
  type Clock,
} from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import { HttpGitHubOAuth, type HttpGitHubOAuthOptions } from '../github/http-github-oauth.js';
import { UnconfiguredGitHubOAuth } from '../github/unconfigured-github-oauth.js';
import { UuidV7IdGenerator } from '../ids/uuid-v7-id-generator.js';
import { ExifrImageInspector } from '../image/exifr-image-inspector.js';
import { SharpImageProcessor } from '../image/sharp-image-processor.js';
import { Argon2PasswordHasher } from '../password/argon2-password-hasher.js';
import { NodeCryptoSecretGenerator } from '../secrets/node-crypto-secret-generator.js';
import { JoseTokenService, type JoseTokenServiceOptions } from '../tokens/jose-token-service.js';

/** What the Node family needs: token keys and GitHub OAuth settings come from configuration. */
export interface NodeAdaptersOptions {
  readonly clock: Clock;
  /** The access-token keys; left out by an entrypoint that issues and checks no tokens (the worker needs no key). */
  readonly tokens?: Omit<JoseTokenServiceOptions, 'clock'>;
  /**
   * The GitHub OAuth app; null when none is configured (GitHub sign-in then answers 503); left out by an
   * entrypoint that runs no sign-in.
   */
  readonly github?: HttpGitHubOAuthOptions | null;
}

/**
 * Binds the ports whose real adapters need only Node, in every configuration (local and AWS):
 * argon2id hashing, jose access tokens (when given keys), CSPRNG secrets, UUIDv7 ids, GitHub OAuth over fetch, image
 * inspection over whichever ObjectStorage the family binds, and sharp thumbnails.
 * Async because importing the token keys is: the app awaits it before building its container.
 */
export async function nodeAdaptersModule(options: NodeAdaptersOptions): Promise<ContainerModule> {
  const { tokens, github } = options;
  const tokenService = tokens === undefined ? undefined : await JoseTokenService.create({ ...tokens, clock: options.clock });
  return new ContainerModule(({ bind }) => {
    bind(PasswordHasherToken).toConstantValue(new Argon2PasswordHasher());
    if (tokenService !== undefined) bind(TokenServiceToken).toConstantValue(tokenService);
    bind(SecretGeneratorToken).toConstantValue(new NodeCryptoSecretGenerator());
    bind(IdGeneratorToken).toConstantValue(new UuidV7IdGenerator());
    if (github !== undefined) {
      bind(GitHubOAuthToken).toConstantValue(github === null ? new UnconfiguredGitHubOAuth() : new HttpGitHubOAuth(github));
    }
    bind(ImageInspectorToken).toResolvedValue((storage: ObjectStorage) => ExifrImageInspector.over(storage), [ObjectStorageToken]);
    bind(ImageProcessorToken).toConstantValue(new SharpImageProcessor());
  });
}
