import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsConfigLoader, RemoteConfigError, SECRET_SOURCES } from '../../src/index.js';
import { motoClientConfig } from '../support/moto-clients.js';
import { MotoConfigFixture } from './moto-config-fixture.js';

const SIGNING_KEY = { kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'public-part', d: 'PRIVATE-d-value' };
const PREVIOUS_KEY = { kty: 'OKP', crv: 'Ed25519', kid: 'k0', x: 'old-public-part' };

let moto: MotoConfigFixture;

beforeEach(() => {
  moto = new MotoConfigFixture();
});

afterEach(() => {
  moto.destroy();
  vi.unstubAllEnvs();
});

/** The stage's SSM parameters and the three secrets as deploy/template.yaml names them; answers their ids. */
async function provisionStage(): Promise<Record<string, string>> {
  await moto.putParameter('public-base-url', 'https://api.example.com');
  await moto.putParameter('max-upload-bytes', '1048576');
  await moto.putParameter('LOG_LEVEL', 'debug');
  await moto.putParameter('local-signing-secret', 'an-encrypted-parameter-value', 'SecureString');
  await moto.putParameter('nested/not-a-variable', 'ignored');
  await moto.putParameter(`/hdoc-other-${moto.run}/PUBLIC_BASE_URL`, 'https://elsewhere.example.com');
  return {
    HDOC_SSM_PATH: moto.path,
    JWT_SIGNING_SECRET_ARN: await moto.createSecret(
      'jwt-signing-key',
      JSON.stringify({ signing_key: SIGNING_KEY, previous_key: PREVIOUS_KEY }),
    ),
    GITHUB_OAUTH_SECRET_ARN: await moto.createSecret(
      'github-oauth',
      JSON.stringify({ client_id: 'Iv1.client', client_secret: 'github-client-secret-value' }),
    ),
    DATABASE_SECRET_ARN: await moto.createSecret(
      'database',
      JSON.stringify({
        engine: 'postgres',
        host: 'users.cluster.example.com',
        port: 5432,
        dbname: 'hdoc',
        username: 'hdoc_app',
        password: 'database-password-value',
      }),
    ),
  };
}

describe('AwsConfigLoader against moto_server', () => {
  it('maps the parameters under HDOC_SSM_PATH and the secrets fields to variable names', async () => {
    const ids = await provisionStage();
    const { ssmClient, secretsClient } = moto.loaderClients();

    const config = await new AwsConfigLoader({ environment: { ...ids }, ssmClient, secretsClient }).load();

    expect(config).toEqual({
      ...ids,
      PUBLIC_BASE_URL: 'https://api.example.com',
      MAX_UPLOAD_BYTES: '1048576',
      LOG_LEVEL: 'debug',
      LOCAL_SIGNING_SECRET: 'an-encrypted-parameter-value',
      TOKEN_SIGNING_KEY: JSON.stringify(SIGNING_KEY),
      TOKEN_PREVIOUS_KEY: JSON.stringify(PREVIOUS_KEY),
      GITHUB_CLIENT_ID: 'Iv1.client',
      GITHUB_CLIENT_SECRET: 'github-client-secret-value',
      PGHOST: 'users.cluster.example.com',
      PGPORT: '5432',
      PGDATABASE: 'hdoc',
      PGUSER: 'hdoc_app',
      PGPASSWORD: 'database-password-value',
    });
  });

  it('fetches once per process: later loads answer the first values even after SSM and Secrets Manager change', async () => {
    const ids = await provisionStage();
    const { ssmClient, secretsClient, ssmCalls, secretCalls } = moto.loaderClients();
    const loader = new AwsConfigLoader({ environment: ids, ssmClient, secretsClient });

    const [first, concurrent] = await Promise.all([loader.load(), loader.load()]);
    expect(concurrent).toBe(first);
    expect(ssmCalls.get('GetParametersByPathCommand')).toBe(1);
    expect(secretCalls.get('GetSecretValueCommand')).toBe(3);

    await moto.putParameter('public-base-url', 'https://changed.example.com');
    await moto.updateSecret('github-oauth', JSON.stringify({ client_id: 'changed', client_secret: 'changed' }));
    // Past Powertools' 5 s default cache age, which must not apply.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
    try {
      const later = await loader.load();
      expect(later.PUBLIC_BASE_URL).toBe('https://api.example.com');
      expect(later.GITHUB_CLIENT_ID).toBe('Iv1.client');
    } finally {
      vi.useRealTimers();
    }
    expect(ssmCalls.get('GetParametersByPathCommand')).toBe(1);
    expect(secretCalls.get('GetSecretValueCommand')).toBe(3);

    // The next cold start (a new loader) reads the new values.
    const next = moto.loaderClients();
    const restarted = await new AwsConfigLoader({ environment: ids, ...next }).load();
    expect(restarted.PUBLIC_BASE_URL).toBe('https://changed.example.com');
    expect(restarted.GITHUB_CLIENT_ID).toBe('changed');
  });

  it('lets a non-empty environment variable override SSM and secrets; an empty one does not', async () => {
    const ids = await provisionStage();
    const { ssmClient, secretsClient } = moto.loaderClients();
    const environment = { ...ids, PUBLIC_BASE_URL: 'http://127.0.0.1:3000', PGHOST: '127.0.0.1', LOG_LEVEL: '' };

    const config = await new AwsConfigLoader({ environment, ssmClient, secretsClient }).load();

    expect(config.PUBLIC_BASE_URL).toBe('http://127.0.0.1:3000');
    expect(config.PGHOST).toBe('127.0.0.1');
    expect(config.LOG_LEVEL).toBe('debug');
  });

  it('is the environment alone in a local run: no path, no secret ids, nothing fetched', async () => {
    const { ssmClient, secretsClient, ssmCalls, secretCalls } = moto.loaderClients();
    const environment = { PORT: '3000', TOKEN_SIGNING_KEY: '{"kid":"local"}', DATABASE_SECRET_ARN: '', UNSET: undefined };

    const config = await new AwsConfigLoader({ environment, ssmClient, secretsClient }).load();

    expect(config).toEqual({ PORT: '3000', TOKEN_SIGNING_KEY: '{"kid":"local"}' });
    expect(ssmCalls.size + secretCalls.size).toBe(0);
  });

  it('fetches only the secrets an entrypoint asks for, though the stack sets every id on every function', async () => {
    const ids = await provisionStage();
    const { ssmClient, secretsClient, secretCalls } = moto.loaderClients();
    const githubOnly = SECRET_SOURCES.filter((source) => source.idVariable === 'GITHUB_OAUTH_SECRET_ARN');

    const config = await new AwsConfigLoader({ environment: ids, ssmClient, secretsClient, secretSources: githubOnly }).load();

    expect(config.GITHUB_CLIENT_ID).toBe('Iv1.client');
    expect(config.TOKEN_SIGNING_KEY).toBeUndefined();
    expect(config.PGPASSWORD).toBeUndefined();
    expect(secretCalls.get('GetSecretValueCommand')).toBe(1);
  });

  it('builds its own clients from AWS_ENDPOINT_URL and AWS_REGION', async () => {
    const ids = await provisionStage();
    // The SDK's default credential chain reads process.env; moto accepts any key.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
    const { endpoint } = motoClientConfig();

    const config = await new AwsConfigLoader({
      environment: { ...ids, AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1' },
    }).load();

    expect(config.PUBLIC_BASE_URL).toBe('https://api.example.com');
    expect(config.PGPASSWORD).toBe('database-password-value');
  });
});

describe('AwsConfigLoader failures', () => {
  /** Loads and answers the error, which must be a one-line RemoteConfigError. */
  async function loadError(loader: AwsConfigLoader): Promise<RemoteConfigError> {
    const error = await loader.load().then(
      () => expect.fail('load succeeded'),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(RemoteConfigError);
    expect((error as Error).message).not.toContain('\n');
    return error as RemoteConfigError;
  }

  it('names a missing secret by its id variable and id, and tries again on the next load', async () => {
    const { ssmClient, secretsClient } = moto.loaderClients();
    const secretId = moto.secretName('jwt-signing-key');
    const loader = new AwsConfigLoader({ environment: { JWT_SIGNING_SECRET_ARN: secretId }, ssmClient, secretsClient });

    const error = await loadError(loader);
    expect(error.message).toBe(`JWT_SIGNING_SECRET_ARN: secret ${secretId} not found`);

    await moto.createSecret('jwt-signing-key', JSON.stringify({ signing_key: SIGNING_KEY }));
    expect((await loader.load()).TOKEN_SIGNING_KEY).toBe(JSON.stringify(SIGNING_KEY));
  });

  it('names a missing required field without any value of the secret', async () => {
    const { ssmClient, secretsClient } = moto.loaderClients();
    // The template's generated secret has this shape until the Ed25519 key is stored in it.
    const arn = await moto.createSecret('jwt-signing-key', JSON.stringify({ kid: 'k1', secret: 'generated-secret-value' }));
    const loader = new AwsConfigLoader({ environment: { JWT_SIGNING_SECRET_ARN: arn }, ssmClient, secretsClient });

    const error = await loadError(loader);
    expect(error.message).toBe(
      `JWT_SIGNING_SECRET_ARN: secret ${arn} has no field signing_key (for TOKEN_SIGNING_KEY)`,
    );
    expect(error.message).not.toContain('generated-secret-value');
  });

  it('rejects a secret that is not a JSON object without quoting it', async () => {
    const { ssmClient, secretsClient } = moto.loaderClients();
    const arn = await moto.createSecret('github-oauth', 'plain-text-secret-value');
    const loader = new AwsConfigLoader({ environment: { GITHUB_OAUTH_SECRET_ARN: arn }, ssmClient, secretsClient });

    const error = await loadError(loader);
    expect(error.message).toBe(`GITHUB_OAUTH_SECRET_ARN: secret ${arn} is not a JSON object`);
    expect(error.message).not.toContain('plain-text');
  });

  it('rejects a parameter whose name is no variable name', async () => {
    await moto.putParameter('9lives', 'x');
    const { ssmClient, secretsClient } = moto.loaderClients();
    const loader = new AwsConfigLoader({ environment: { HDOC_SSM_PATH: moto.path }, ssmClient, secretsClient });

    const error = await loadError(loader);
    expect(error.message).toBe(`HDOC_SSM_PATH: parameter ${moto.path}9lives does not map to a variable name`);
  });
});
