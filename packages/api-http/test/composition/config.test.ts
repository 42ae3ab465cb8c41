import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hdoc/composition';
import { loadHttpConfig } from '../../src/composition/config.js';

describe('loadHttpConfig', () => {
  it('needs no configuration at all', () => {
    expect(loadHttpConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      corsOrigins: [],
      frontendOrigins: [],
      publicBaseUrl: undefined,
      adapters: { challenge: 'memory', identity: 'memory', photos: 'memory' },
      shutdownTimeoutMs: 10_000,
      trustProxy: false,
      tokens: { issuer: 'hdoc', audience: 'hdoc-api', signingKey: undefined, previousKey: undefined },
      github: { clientId: undefined, clientSecret: '', webBaseUrl: 'https://github.com', apiBaseUrl: 'https://api.github.com' },
      verification: { verifier: 'shape', githubApiToken: undefined, xOEmbedBaseUrl: 'https://publish.twitter.com', timeoutMs: 5000, maxAttempts: 3 },
      localSigningSecret: undefined,
      maxUploadBytes: 20 * 1024 * 1024,
      refreshReuseGraceSeconds: 15,
      hourlyLimits: { signUps: 20, uploadIntents: 300, entrySubmissions: 300 },
      postgres: { connectionString: undefined, schema: 'public' },
      redis: { url: undefined, keyPrefix: 'hdoc:' },
      sweepIntervalSeconds: 300,
      aws: {
        region: undefined,
        endpoint: undefined,
        dynamoDbEndpoint: undefined,
        tables: { challenge: undefined, photos: undefined },
        photosBucket: undefined,
        verificationQueueUrl: undefined,
        photoEventsQueueUrl: undefined,
        leaderboardStore: 'dynamodb',
      },
    });
  });

  it('reads every variable', () => {
    const config = loadHttpConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
      FRONTEND_ORIGINS: 'https://app.example.com,https://www.example.com',
      PUBLIC_BASE_URL: 'https://api.example.com/',
      ADAPTERS_IDENTITY: 'aws',
      DATABASE_URL: 'postgres://hdoc@db.example.com:5432/hdoc',
      POSTGRES_SCHEMA: 'hdoc_dev',
      REDIS_URL: 'rediss://cache.example.com:6379',
      REDIS_KEY_PREFIX: 'hdoc-dev:',
      SWEEP_INTERVAL_SECONDS: '60',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:5000',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      CHALLENGE_TABLE: 'hdoc-dev-challenge',
      PHOTOS_TABLE: 'hdoc-dev-photos',
      PHOTOS_BUCKET: 'hdoc-dev-photos-1',
      VERIFICATION_QUEUE_URL: 'http://127.0.0.1:5000/1/hdoc-dev-verification',
      PHOTO_EVENTS_QUEUE_URL: 'http://127.0.0.1:5000/1/hdoc-dev-photo-events',
      LEADERBOARD_STORE: 'redis',
      SHUTDOWN_TIMEOUT_MS: '2500',
      TRUST_PROXY: 'true',
      TOKEN_ISSUER: 'https://api.example.com',
      TOKEN_AUDIENCE: 'example-web',
      TOKEN_SIGNING_KEY: '{"kty":"OKP","crv":"Ed25519","kid":"k2","x":"x","d":"d"}',
      TOKEN_PREVIOUS_KEY: '{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"x"}',
      GITHUB_CLIENT_ID: 'client',
      GITHUB_CLIENT_SECRET: 'secret',
      GITHUB_WEB_BASE_URL: 'http://127.0.0.1:9000/',
      GITHUB_API_BASE_URL: 'http://127.0.0.1:9001',
      ENTRY_VERIFIER: 'http',
      GITHUB_API_TOKEN: 'ghp_token',
      X_OEMBED_BASE_URL: 'http://127.0.0.1:9002/',
      VERIFIER_TIMEOUT_MS: '1500',
      VERIFIER_MAX_ATTEMPTS: '2',
      LOCAL_SIGNING_SECRET: 'a-local-signing-secret',
      MAX_UPLOAD_BYTES: '1048576',
      REFRESH_REUSE_GRACE_SECONDS: '0',
      SIGN_UPS_PER_HOUR: '5',
      UPLOAD_INTENTS_PER_HOUR: '60',
      ENTRY_SUBMISSIONS_PER_HOUR: '90',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
      frontendOrigins: ['https://app.example.com', 'https://www.example.com'],
      publicBaseUrl: 'https://api.example.com',
      adapters: { challenge: 'memory', identity: 'aws', photos: 'memory' },
      shutdownTimeoutMs: 2500,
      trustProxy: true,
      tokens: {
        issuer: 'https://api.example.com',
        audience: 'example-web',
        signingKey: { kty: 'OKP', crv: 'Ed25519', kid: 'k2', x: 'x', d: 'd' },
        previousKey: { kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'x' },
      },
      github: { clientId: 'client', clientSecret: 'secret', webBaseUrl: 'http://127.0.0.1:9000', apiBaseUrl: 'http://127.0.0.1:9001' },
      verification: { verifier: 'http', githubApiToken: 'ghp_token', xOEmbedBaseUrl: 'http://127.0.0.1:9002', timeoutMs: 1500, maxAttempts: 2 },
      localSigningSecret: 'a-local-signing-secret',
      maxUploadBytes: 1_048_576,
      refreshReuseGraceSeconds: 0,
      hourlyLimits: { signUps: 5, uploadIntents: 60, entrySubmissions: 90 },
      postgres: { connectionString: 'postgres://hdoc@db.example.com:5432/hdoc', schema: 'hdoc_dev' },
      redis: { url: 'rediss://cache.example.com:6379', keyPrefix: 'hdoc-dev:' },
      sweepIntervalSeconds: 60,
      aws: {
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:5000',
        dynamoDbEndpoint: 'http://127.0.0.1:8000',
        tables: { challenge: 'hdoc-dev-challenge', photos: 'hdoc-dev-photos' },
        photosBucket: 'hdoc-dev-photos-1',
        verificationQueueUrl: 'http://127.0.0.1:5000/1/hdoc-dev-verification',
        photoEventsQueueUrl: 'http://127.0.0.1:5000/1/hdoc-dev-photo-events',
        leaderboardStore: 'redis',
      },
    });
  });

  it("takes CORS_ORIGINS='*' alone as any origin", () => {
    expect(loadHttpConfig({ CORS_ORIGINS: ' * ' }).corsOrigins).toEqual(['*']);
    expect(() => loadHttpConfig({ CORS_ORIGINS: '*,https://app.example.com' })).toThrow(/CORS_ORIGINS: \* \(any origin\) cannot be combined/);
    expect(() => loadHttpConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(ConfigError);
  });

  it('treats empty variables as unset', () => {
    expect(loadHttpConfig({ PORT: '', CORS_ORIGINS: '', ADAPTERS: '' })).toMatchObject({ port: 3000, corsOrigins: [], adapters: { challenge: 'memory', identity: 'memory', photos: 'memory' } });
  });

  it('refuses a FRONTEND_ORIGINS entry that is not an origin, naming it', () => {
    expect(() => loadHttpConfig({ FRONTEND_ORIGINS: 'https://ok.example,https://bad.example/path' })).toThrow(/FRONTEND_ORIGINS\.1/);
  });

  it('rejects a signing key that is not a JSON object without echoing it', () => {
    expect(() => loadHttpConfig({ TOKEN_SIGNING_KEY: 'not-json-s3cr3t' })).toThrow(/TOKEN_SIGNING_KEY/);
    expect(() => loadHttpConfig({ TOKEN_SIGNING_KEY: 'not-json-s3cr3t' })).not.toThrow(/s3cr3t/);
  });

  it('lists every problem by variable name without echoing values', () => {
    let error: unknown;
    try {
      loadHttpConfig({ PORT: '70000', ADAPTERS: 'cloud', CORS_ORIGINS: 'https://ok.example,https://bad.example/path', LOG_LEVEL: 's3cr3t' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'ADAPTERS', 'CORS_ORIGINS.1', 'LOG_LEVEL']) expect(message).toContain(name);
    expect(message).not.toContain('s3cr3t');
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
