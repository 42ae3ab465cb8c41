import { ParameterNotFoundError } from '@aws-lambda-powertools/parameters/errors';
import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { RemoteConfigError } from './remote-config.error.js';
import type { SecretSource } from './secret-sources.js';

/** A field as a variable's text: JWKs and other objects as JSON, the RDS secret's numeric port as digits. */
function fieldText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Parses a secret's JSON without letting JSON.parse's message (which quotes the text) reach an error.
 */
function parseObject(text: string | Uint8Array): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Fetches one secret and maps its fields to variables; errors name the id variable, secret and field only. */
export async function loadSecret(
  provider: SecretsProvider,
  source: SecretSource,
  secretId: string,
): Promise<Record<string, string>> {
  const where = `${source.idVariable}: secret ${secretId}`;
  let text: string | Uint8Array | undefined;
  try {
    text = await provider.get(secretId, { throwOnMissing: true });
  } catch (error) {
    if (error instanceof ParameterNotFoundError) throw new RemoteConfigError(`${where} not found`);
    throw error;
  }
  const fields = text === undefined ? undefined : parseObject(text);
  if (fields === undefined) throw new RemoteConfigError(`${where} is not a JSON object`);
  const variables: Record<string, string> = {};
  for (const [field, { variable, required }] of Object.entries(source.fields)) {
    const value = fieldText(fields[field]);
    if (value !== undefined && value !== '') variables[variable] = value;
    else if (required) throw new RemoteConfigError(`${where} has no field ${field} (for ${variable})`);
  }
  return variables;
}
