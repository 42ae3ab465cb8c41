import type { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { RemoteConfigError } from './remote-config.error.js';

const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * The variable a parameter fills: its name under the path, upper-cased, `-` and `.` as `_`, so the
 * template's `/hdoc/dev/public-base-url` and a hand-made `/hdoc/dev/PUBLIC_BASE_URL` both fill
 * `PUBLIC_BASE_URL`.
 */
export function variableForParameter(name: string): string | undefined {
  const variable = name.toUpperCase().replace(/[-.]/g, '_');
  return VARIABLE_NAME.test(variable) ? variable : undefined;
}

/**
 * Every parameter directly under `path` (not recursive: a nested name has no variable), SecureStrings
 * decrypted, keyed by variable name.
 */
export async function loadParameters(
  provider: SSMProvider,
  path: string,
): Promise<Record<string, string>> {
  const parameters = await provider.getMultiple(path, { decrypt: true, recursive: false });
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters ?? {})) {
    const variable = variableForParameter(name);
    if (variable === undefined) {
      throw new RemoteConfigError(`HDOC_SSM_PATH: parameter ${path}${name} does not map to a variable name`);
    }
    if (typeof value === 'string') variables[variable] = value;
  }
  return variables;
}
