import type { Environment } from './parse-variables.js';

/** The variable naming the stage's SSM parameter path (deploy/template.yaml sets `/hdoc/<stage>/`). */
const SSM_PATH_VARIABLE = 'HDOC_SSM_PATH';

/**
 * The environment an entrypoint reads its configuration from. In AWS the stage's SSM parameters and
 * the secrets named by `secretIdVariables` (the ones this entrypoint may read: its IAM policy grants
 * no others) are fetched once, at cold start, and the process's own variables override them. A local
 * run sets neither, so nothing is fetched and the AWS SDK is never loaded.
 */
export async function loadEnvironment(environment: Environment, secretIdVariables: readonly string[]): Promise<Environment> {
  const remote = [SSM_PATH_VARIABLE, ...secretIdVariables].some((name) => (environment[name] ?? '') !== '');
  if (!remote) return environment;
  const { AwsConfigLoader, SECRET_SOURCES } = await import('@hdoc/adapters-aws/config');
  const secretSources = SECRET_SOURCES.filter((source) => secretIdVariables.includes(source.idVariable));
  return new AwsConfigLoader({ environment, secretSources }).load();
}
