import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { awsClientConfig } from './aws-client-config.js';
import { SECRET_SOURCES, type SecretSource } from './secret-sources.js';
import { loadSecret } from './secrets.js';
import { loadParameters } from './ssm-parameters.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** What the loader reads and, for tests, the clients it sends through. */
export interface AwsConfigLoaderOptions {
  /** The process environment: `HDOC_SSM_PATH`, the secret id variables, `AWS_*`, and the overrides. */
  readonly environment: Environment;
  /** Default: built from `AWS_REGION` and `AWS_ENDPOINT_URL` when first needed. */
  readonly ssmClient?: SSMClient;
  /** Default: built from `AWS_REGION` and `AWS_ENDPOINT_URL` when first needed. */
  readonly secretsClient?: SecretsManagerClient;
  /**
   * The secrets this entrypoint reads. Default: all that deploy/template.yaml names ({@link SECRET_SOURCES}).
   * The template sets every id variable on every function but grants each only the secrets it uses (the
   * verifier: GitHub's; ingestion: none), so a worker passes its subset and never asks for a secret it
   * may not read.
   */
  readonly secretSources?: readonly SecretSource[];
}

const nonEmpty = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * Builds the apps' environment-like configuration from SSM Parameter Store (every parameter under
 * `HDOC_SSM_PATH`) and Secrets Manager (the secrets whose ids the `*_SECRET_ARN` variables hold), through
 * Powertools parameters, once per process: the first `load()` fetches, every later one (and any call made
 * while the first is in flight) answers the same map. The loader keeps that map itself rather than relying
 * on Powertools' cache, whose 5 s default age would refetch on a later invocation and which does not join
 * concurrent first calls; its providers live for the one fetch. A failed load is not kept, so the next
 * invocation tries again.
 *
 * Precedence: a non-empty environment variable wins over a secret field, which wins over an SSM parameter.
 * Local runs set no `HDOC_SSM_PATH` and no secret ids, so nothing is fetched and the environment is the
 * whole configuration; in Lambda an explicit variable is a deliberate override of the stage's value.
 */
export class AwsConfigLoader {
  private loaded: Promise<Record<string, string>> | undefined;

  constructor(private readonly options: AwsConfigLoaderOptions) {}

  /** The configuration as variable name -> value (empty variables left out, as the apps treat them as unset). */
  load(): Promise<Record<string, string>> {
    this.loaded ??= this.fetch().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async fetch(): Promise<Record<string, string>> {
    const { environment } = this.options;
    const path = environment.HDOC_SSM_PATH;
    const secrets = (this.options.secretSources ?? SECRET_SOURCES).flatMap((source) => {
      const secretId = environment[source.idVariable];
      return nonEmpty(secretId) ? [{ source, secretId }] : [];
    });
    const [fromParameters, fromSecrets] = await Promise.all([
      nonEmpty(path) ? this.ssmProvider().then((provider) => loadParameters(provider, path)) : {},
      this.loadSecrets(secrets),
    ]);
    const fromEnvironment = Object.fromEntries(
      Object.entries(environment).filter((entry): entry is [string, string] => nonEmpty(entry[1])),
    );
    return Object.assign({}, fromParameters, ...fromSecrets, fromEnvironment) as Record<string, string>;
  }

  /** One provider (and client) for all the secrets, built only when there are some: a local run needs no region. */
  private async loadSecrets(
    wanted: readonly { source: SecretSource; secretId: string }[],
  ): Promise<Record<string, string>[]> {
    if (wanted.length === 0) return [];
    const provider = await this.secretsProvider();
    return Promise.all(
      wanted.map(({ source, secretId }) => loadSecret(provider, source, secretId)),
    );
  }

  // The SDK clients and providers are imported when first needed: loading them costs cold-start time
  // (see DESIGN.md), which a local run, or a function with nothing to fetch, does not pay.
  private async ssmProvider(): Promise<SSMProvider> {
    const [{ SSMProvider }, { SSMClient }] = await Promise.all([
      import('@aws-lambda-powertools/parameters/ssm'),
      import('@aws-sdk/client-ssm'),
    ]);
    return new SSMProvider({ awsSdkV3Client: this.options.ssmClient ?? new SSMClient(this.clientConfig()) });
  }

  private async secretsProvider(): Promise<SecretsProvider> {
    const [{ SecretsProvider }, { SecretsManagerClient }] = await Promise.all([
      import('@aws-lambda-powertools/parameters/secrets'),
      import('@aws-sdk/client-secrets-manager'),
    ]);
    return new SecretsProvider({
      awsSdkV3Client: this.options.secretsClient ?? new SecretsManagerClient(this.clientConfig()),
    });
  }

  private clientConfig(): { region?: string; endpoint?: string } {
    const { region, endpoint } = awsClientConfig(this.options.environment);
    return { ...(region === undefined ? {} : { region }), ...(endpoint === undefined ? {} : { endpoint }) };
  }
}
