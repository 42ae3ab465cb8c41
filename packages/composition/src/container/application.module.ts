import {
  ActionLimitsToken,
  DEFAULT_PHOTO_SETTINGS,
  DEFAULT_SESSION_POLICY,
  PhotoSettingsToken,
  SessionPolicyToken,
  type ActionLimits,
  type SessionPolicy,
  type UseCaseWiring,
} from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import type { RuntimeConfig } from '../config/runtime-config.js';

/** The session policy of a configuration (the session store's key lifetimes follow it too). */
export function sessionPolicyOf(config: Pick<RuntimeConfig, 'refreshReuseGraceSeconds'>): SessionPolicy {
  return { ...DEFAULT_SESSION_POLICY, refreshReuseGraceSeconds: config.refreshReuseGraceSeconds };
}

/** The hourly action limits of a configuration. */
function actionLimitsOf(config: Pick<RuntimeConfig, 'hourlyLimits'>): ActionLimits {
  const hourly = (limit: number) => ({ limit, windowSeconds: 3600 });
  return {
    signUp: hourly(config.hourlyLimits.signUps),
    uploadIntent: hourly(config.hourlyLimits.uploadIntents),
    entrySubmission: hourly(config.hourlyLimits.entrySubmissions),
  };
}

/**
 * The entrypoint's use cases (and the services they are built from), each bound by its class to a
 * lazily built singleton on whatever adapters the container holds, and the policies they read, from
 * configuration.
 */
export function applicationModule(
  wirings: readonly UseCaseWiring[],
  config: Pick<RuntimeConfig, 'maxUploadBytes' | 'refreshReuseGraceSeconds' | 'hourlyLimits'>,
): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const { useCase, dependencies } of wirings) {
      bind(useCase).toResolvedValue((...args: never[]) => new useCase(...args), dependencies as never);
    }
    bind(PhotoSettingsToken).toConstantValue({ ...DEFAULT_PHOTO_SETTINGS, maxUploadBytes: config.maxUploadBytes });
    bind(SessionPolicyToken).toConstantValue(sessionPolicyOf(config));
    bind(ActionLimitsToken).toConstantValue(actionLimitsOf(config));
  });
}
