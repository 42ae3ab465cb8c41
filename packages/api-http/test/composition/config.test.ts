import { describe, expect, it } from 'vitest';
import { ConfigError, loadHttpConfig } from '../../src/composition/config.js';

describe('loadHttpConfig', () => {
  it('needs no configuration at all', () => {
    expect(loadHttpConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      corsOrigins: [],
      publicBaseUrl: undefined,
      adapters: 'memory',
      shutdownTimeoutMs: 10_000,
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const config = loadHttpConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
      PUBLIC_BASE_URL: 'https://api.example.com/',
      ADAPTERS: 'aws',
      SHUTDOWN_TIMEOUT_MS: '2500',
      TRUST_PROXY: 'true',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
      publicBaseUrl: 'https://api.example.com',
      adapters: 'aws',
      shutdownTimeoutMs: 2500,
      trustProxy: true,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadHttpConfig({ PORT: '', CORS_ORIGINS: '', ADAPTERS: '' })).toMatchObject({ port: 3000, corsOrigins: [], adapters: 'memory' });
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
