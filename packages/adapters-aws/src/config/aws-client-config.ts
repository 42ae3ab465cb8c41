/** Where and how the SDK clients of this package talk to AWS (or to moto_server in tests and local runs). */
export interface AwsClientConfig {
  /** `AWS_REGION` (else `AWS_DEFAULT_REGION`); undefined lets the SDK resolve it (it fails then without one). */
  readonly region: string | undefined;
  /** `AWS_ENDPOINT_URL`: one endpoint for every service, for moto_server; undefined = the real AWS endpoints. */
  readonly endpoint: string | undefined;
}

/**
 * Reads the client settings from the environment. The endpoint override is passed to each client
 * explicitly rather than left to the SDK's own reading of `AWS_ENDPOINT_URL`, so a test can hand a client
 * its moto_server without touching `process.env`, and an empty variable counts as unset.
 */
export function awsClientConfig(environment: Readonly<Record<string, string | undefined>>): AwsClientConfig {
  const nonEmpty = (name: string): string | undefined => {
    const value = environment[name];
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    region: nonEmpty('AWS_REGION') ?? nonEmpty('AWS_DEFAULT_REGION'),
    endpoint: nonEmpty('AWS_ENDPOINT_URL'),
  };
}
