import type { z } from 'zod';
import { ConfigError } from './config-error.js';

/** Environment variables as a host receives them (`process.env`, or AwsConfigLoader's map). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the variables `schema` names. An empty variable counts as unset (templates pass `''` for
 * what a stage leaves out). Every problem is reported at once, as a ConfigError naming the variable.
 */
export function parseVariables<S extends z.ZodType>(schema: S, environment: Environment): z.output<S> {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
