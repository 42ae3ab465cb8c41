import {
  ActionLimitsToken,
  ALL_USE_CASES,
  Authenticate,
  DEFAULT_PHOTO_SETTINGS,
  DEFAULT_SESSION_POLICY,
  PhotoSettingsToken,
  SessionPolicyToken,
} from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import type { HttpConfig } from './config.js';
import { AuthenticateToken } from './tokens.js';

/**
 * Every use case of the domain's wiring catalogue, bound by its class to a lazily built singleton, on
 * whatever adapter family the container holds; plus what the HTTP app adds on top (photo limits from
 * configuration, session and rate-limit policies from configuration, the bearer-token check of the routes).
 */
export function applicationModule(
  config: Pick<HttpConfig, 'maxUploadBytes' | 'refreshReuseGraceSeconds' | 'hourlyLimits'>,
): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const { useCase, dependencies } of ALL_USE_CASES) {
      bind(useCase).toResolvedValue((...args: never[]) => new useCase(...args), dependencies as never);
    }
    bind(PhotoSettingsToken).toConstantValue({ ...DEFAULT_PHOTO_SETTINGS, maxUploadBytes: config.maxUploadBytes });
    bind(SessionPolicyToken).toConstantValue({ ...DEFAULT_SESSION_POLICY, refreshReuseGraceSeconds: config.refreshReuseGraceSeconds });
    const hourly = (limit: number) => ({ limit, windowSeconds: 3600 });
    bind(ActionLimitsToken).toConstantValue({
      signUp: hourly(config.hourlyLimits.signUps),
      uploadIntent: hourly(config.hourlyLimits.uploadIntents),
      entrySubmission: hourly(config.hourlyLimits.entrySubmissions),
    });
    bind(AuthenticateToken).toResolvedValue(
      (authenticate: Authenticate) => (accessToken: string) => authenticate.execute({ accessToken }),
      [Authenticate],
    );
  });
}
