import { ALL_USE_CASES, Authenticate, DEFAULT_PHOTO_SETTINGS, PhotoSettingsToken } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import type { HttpConfig } from './config.js';
import { AuthenticateToken } from './tokens.js';

/**
 * Every use case of the domain's wiring catalogue, bound by its class to a lazily built singleton, on
 * whatever adapter family the container holds; plus what the HTTP app adds on top (photo limits from
 * configuration, the bearer-token check of the routes).
 */
export function applicationModule(config: Pick<HttpConfig, 'maxUploadBytes'>): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const { useCase, dependencies } of ALL_USE_CASES) {
      bind(useCase).toResolvedValue((...args: never[]) => new useCase(...args), dependencies as never);
    }
    bind(PhotoSettingsToken).toConstantValue({ ...DEFAULT_PHOTO_SETTINGS, maxUploadBytes: config.maxUploadBytes });
    bind(AuthenticateToken).toResolvedValue(
      (authenticate: Authenticate) => (accessToken: string) => authenticate.execute({ accessToken }),
      [Authenticate],
    );
  });
}
