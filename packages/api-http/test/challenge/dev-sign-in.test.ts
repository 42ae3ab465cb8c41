import { describe, expect, it } from 'vitest';
import { developmentGitHubId } from '../../src/routes/dev-sign-in/index.js';
import { describeDevSignInFlows } from './dev-sign-in-flows.js';

describeDevSignInFlows();

describe('the development stand-in', () => {
  it('derives a stable numeric id per username, ignoring case', () => {
    expect(developmentGitHubId('Dev-Ada')).toBe(developmentGitHubId('dev-ada'));
    expect(developmentGitHubId('dev-ada')).not.toBe(developmentGitHubId('dev-grace'));
    expect(Number.isSafeInteger(developmentGitHubId('x'))).toBe(true);
    expect(developmentGitHubId('x')).toBeGreaterThan(0);
  });
});
