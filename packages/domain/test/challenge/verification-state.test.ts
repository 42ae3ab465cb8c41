import { describe, expect, it } from 'vitest';
import { verificationStateOf } from '../../src/index.js';

const CHECKED = new Date('2026-03-01T12:05:00.000Z');

describe('verificationStateOf', () => {
  it('is pending, without reason or time, until the verifier has answered', () => {
    expect(verificationStateOf({ verified: false, confidence: 0, verificationReason: null, checkedAt: null })).toEqual({
      status: 'pending',
      confidence: 0,
      reason: null,
      checkedAt: null,
    });
  });

  it('is verified when the answer counts, rejected when it was checked and does not', () => {
    expect(verificationStateOf({ verified: true, confidence: 50, verificationReason: 'a post of the participant', checkedAt: CHECKED })).toEqual({
      status: 'verified',
      confidence: 50,
      reason: 'a post of the participant',
      checkedAt: CHECKED,
    });
    expect(verificationStateOf({ verified: false, confidence: 49, verificationReason: 'post not found', checkedAt: CHECKED })).toEqual({
      status: 'rejected',
      confidence: 49,
      reason: 'post not found',
      checkedAt: CHECKED,
    });
  });
});
