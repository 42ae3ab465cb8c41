import { Authenticate } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import type { HttpConfig } from './config.js';
import { AuthenticateToken, HttpConfigToken } from './tokens.js';

/** What the HTTP app binds on top of the composition: its configuration and the routes' bearer-token check. */
export function httpModule(config: HttpConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(HttpConfigToken).toConstantValue(config);
    bind(AuthenticateToken).toResolvedValue(
      (authenticate: Authenticate) => (accessToken: string) => authenticate.execute({ accessToken }),
      [Authenticate],
    );
  });
}
