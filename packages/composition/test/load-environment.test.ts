import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../src/config/load-environment.js';

describe('loadEnvironment', () => {
  it('returns a local environment as it is, fetching nothing (no SSM path, no secret id)', async () => {
    const environment = { LOG_LEVEL: 'debug', JWT_SIGNING_SECRET_ARN: '', HDOC_SSM_PATH: '' };
    expect(await loadEnvironment(environment, ['JWT_SIGNING_SECRET_ARN'])).toBe(environment);
  });

  it('ignores the ids of secrets the entrypoint may not read', async () => {
    const environment = { GITHUB_OAUTH_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:gh' };
    expect(await loadEnvironment(environment, [])).toBe(environment);
  });
});
