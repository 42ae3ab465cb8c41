import { describe, expect, it } from 'vitest';
import { scoreVerificationChecks, VERIFICATION_CHECK_POINTS, VERIFIED_MIN_CONFIDENCE } from '../../src/index.js';

const pass = (points: number, reason: string) => ({ passed: true, points, reason });
const fail = (points: number, reason: string) => ({ passed: false, points, reason });

describe('scoreVerificationChecks', () => {
  it('sums the points of the checks that passed before the first failure, with that failure as the reason', () => {
    expect(scoreVerificationChecks([pass(10, 'url'), pass(30, 'repository'), fail(60, 'commit not found')])).toEqual({ confidence: 40, reason: 'commit not found' });
    expect(scoreVerificationChecks([fail(10, 'not a github.com url'), pass(30, 'never counted')])).toEqual({ confidence: 0, reason: 'not a github.com url' });
  });

  it('gives every passed check as the reason when none failed', () => {
    expect(scoreVerificationChecks([pass(10, 'a'), pass(90, 'b')])).toEqual({ confidence: 100, reason: 'a; b' });
  });

  it('weighs each type\'s checks to 100, and an entry counts only when all of them pass', () => {
    for (const points of Object.values(VERIFICATION_CHECK_POINTS)) {
      const weights = Object.values(points);
      expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(100);
      expect(100 - (weights.at(-1) ?? 0)).toBeLessThan(VERIFIED_MIN_CONFIDENCE);
    }
  });
});
