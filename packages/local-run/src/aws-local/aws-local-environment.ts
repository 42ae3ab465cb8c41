import type { Environment } from '@hdoc/composition';

/**
 * The machine's own services, where the local production path finds them unless told otherwise
 * (DESIGN.md: PostgreSQL on 127.0.0.1:5432 with trust auth and a `test` database; Redis on 6379).
 */
export const MACHINE_SERVICES = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  POSTGRES_SCHEMA: 'hdoc_local',
  REDIS_URL: 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: 'hdoc-local:',
  // Offline like the rest of the local run: entries are verified from their url alone (ENTRY_VERIFIER=http asks GitHub and X).
  ENTRY_VERIFIER: 'shape',
} as const;

/**
 * The environment of `npm run start:aws-local`: the provisioned stack's variables, the machine's
 * services, then whatever the caller set (a non-empty variable always wins, as in AWS).
 */
export function awsLocalEnvironment(stack: Readonly<Record<string, string>>, given: Environment): Record<string, string> {
  const set = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => (entry[1] ?? '') !== ''));
  // Someone pointing pg at a server with PGHOST means that server, not the machine's default URL.
  const { DATABASE_URL, ...others } = MACHINE_SERVICES;
  const defaults: Record<string, string> = set['PGHOST'] === undefined ? { DATABASE_URL, ...others } : others;
  return { ...stack, ...defaults, ...set };
}
