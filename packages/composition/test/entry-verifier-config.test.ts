import { ShapeCheckingEntryVerifier } from '@hdoc/adapters-memory';
import { HttpEntryVerifier } from '@hdoc/adapters-node';
import { EntryVerifierToken, VerifyEntry } from '@hdoc/domain';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadRuntimeConfig } from '../src/config/runtime-config.js';
import { compose } from '../src/container/compose.js';

const AWS_CHALLENGE = {
  ADAPTERS_CHALLENGE: 'aws',
  CHALLENGE_TABLE: 'hdoc-dev-challenge',
  VERIFICATION_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/hdoc-dev-verification',
};

describe('entry verification configuration', () => {
  it('checks only url shapes on memory (offline), and asks GitHub and X on aws, unless ENTRY_VERIFIER says otherwise', () => {
    expect(loadRuntimeConfig({}).verification).toEqual({
      verifier: 'shape',
      githubApiToken: undefined,
      xOEmbedBaseUrl: 'https://publish.twitter.com',
      timeoutMs: 5000,
      maxAttempts: 3,
    });
    expect(loadRuntimeConfig(AWS_CHALLENGE).verification.verifier).toBe('http');
    expect(loadRuntimeConfig({ ...AWS_CHALLENGE, ENTRY_VERIFIER: 'shape' }).verification.verifier).toBe('shape');
    expect(loadRuntimeConfig({ ENTRY_VERIFIER: 'http', X_OEMBED_BASE_URL: 'http://127.0.0.1:9/', VERIFIER_TIMEOUT_MS: '800', VERIFIER_MAX_ATTEMPTS: '5', GITHUB_API_TOKEN: 'ghp_x' }).verification).toEqual({
      verifier: 'http',
      githubApiToken: 'ghp_x',
      xOEmbedBaseUrl: 'http://127.0.0.1:9',
      timeoutMs: 800,
      maxAttempts: 5,
    });
  });

  it('names bad verifier variables without echoing them', () => {
    const error = (() => {
      try {
        return loadRuntimeConfig({ ENTRY_VERIFIER: 'magic-s3cr3t', VERIFIER_TIMEOUT_MS: '0', VERIFIER_MAX_ATTEMPTS: '99', X_OEMBED_BASE_URL: 'ftp://s3cr3t' });
      } catch (caught) {
        return caught;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['ENTRY_VERIFIER', 'VERIFIER_MAX_ATTEMPTS', 'VERIFIER_TIMEOUT_MS', 'X_OEMBED_BASE_URL']);
    expect(error.message).not.toContain('s3cr3t');
  });

  it.each([
    [{}, ShapeCheckingEntryVerifier],
    [{ ENTRY_VERIFIER: 'http' }, HttpEntryVerifier],
  ])('binds the verifier %j chooses for VerifyEntry', async (environment, expected) => {
    const { container, closers } = await compose({ service: 'test', config: loadRuntimeConfig(environment), useCases: [VerifyEntry], logger: pino({ level: 'silent' }) });
    expect(container.get(EntryVerifierToken)).toBeInstanceOf(expected);
    await closers.closeAll();
  });
});
