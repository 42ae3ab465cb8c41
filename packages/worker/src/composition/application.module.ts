import {
  ActionLimitsToken,
  ALL_USE_CASES,
  DEFAULT_ACTION_LIMITS,
  DEFAULT_PHOTO_SETTINGS,
  DEFAULT_SESSION_POLICY,
  PhotoSettingsToken,
  SessionPolicyToken,
} from '@hdoc/domain';
import { ContainerModule } from 'inversify';

/**
 * Every use case of the domain's wiring catalogue, bound by its class to a lazily built singleton on
 * whatever adapter family the container holds. The worker runs only VerifyEntry and
 * IngestStorageEvent, but binding the catalogue is one loop and keeps both apps' wiring identical.
 */
export const applicationModule = new ContainerModule(({ bind }) => {
  for (const { useCase, dependencies } of ALL_USE_CASES) {
    bind(useCase).toResolvedValue((...args: never[]) => new useCase(...args), dependencies as never);
  }
  // Upload limits matter to the API only; the catalogue's photo use cases still need a value.
  bind(PhotoSettingsToken).toConstantValue(DEFAULT_PHOTO_SETTINGS);
  // Likewise sessions and action limits: API concerns, defaults here.
  bind(SessionPolicyToken).toConstantValue(DEFAULT_SESSION_POLICY);
  bind(ActionLimitsToken).toConstantValue(DEFAULT_ACTION_LIMITS);
});
