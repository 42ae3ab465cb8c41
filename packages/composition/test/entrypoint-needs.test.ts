import {
  ActionThrottle,
  ALL_USE_CASES,
  ClockToken,
  EntryVerifierToken,
  GitHubOAuthToken,
  LogIn,
  PasswordHasherToken,
  RecordVerification,
  SessionIssuer,
  TokenServiceToken,
  VerifyEntry,
} from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { entrypointNeeds } from '../src/container/entrypoint-needs.js';

describe('entrypointNeeds', () => {
  it('follows the wiring catalogue: the classes a use case is built from, and every port on the way', () => {
    const { wirings, ports } = entrypointNeeds([LogIn]);
    expect(wirings.map((wiring) => wiring.useCase)).toEqual([LogIn, SessionIssuer]);
    expect(ports.has(PasswordHasherToken)).toBe(true);
    expect(ports.has(TokenServiceToken)).toBe(true);
    expect(ports.has(GitHubOAuthToken)).toBe(false);
  });

  it('gives the verification consumer no token service and no GitHub client', () => {
    const { wirings, ports } = entrypointNeeds([VerifyEntry]);
    expect(wirings.map((wiring) => wiring.useCase)).toEqual([VerifyEntry, RecordVerification]);
    expect(ports.has(EntryVerifierToken) && ports.has(ClockToken)).toBe(true);
    expect(ports.has(TokenServiceToken) || ports.has(GitHubOAuthToken)).toBe(false);
  });

  it('lists each class once however many use cases share it, and covers the whole catalogue', () => {
    const { wirings } = entrypointNeeds(ALL_USE_CASES.map((wiring) => wiring.useCase));
    expect(wirings).toHaveLength(ALL_USE_CASES.length);
    expect(wirings.filter((wiring) => wiring.useCase === ActionThrottle)).toHaveLength(1);
  });

  it('refuses a class the catalogue does not wire', () => {
    class Unwired {}
    expect(() => entrypointNeeds([Unwired])).toThrow("Unwired is not in the domain's wiring catalogue");
  });
});
