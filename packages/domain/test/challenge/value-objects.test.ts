import {
  checkEntryUrlShape,
  ForbiddenError,
  parseBio,
  parseDay,
  parseEntryType,
  parseEntryUrl,
  parseFullName,
  parseGithubUsername,
  parseLinkedinProfile,
  parseTimezone,
  parseTwitterUsername,
  participantLogin,
  ValidationError,
} from '@hdoc/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

function rejects(parse: () => unknown, field: string): void {
  let thrown: unknown;
  try {
    parse();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  expect((thrown as ValidationError).field).toBe(field);
}

/** GitHub's username rule restated character by character. */
function isGithubUsername(s: string): boolean {
  if (s.length < 1 || s.length > 39) return false;
  if (s.startsWith('-') || s.endsWith('-') || s.includes('--')) return false;
  return [...s].every((c) => /[A-Za-z0-9-]/.test(c));
}

describe('github username', () => {
  it('accepts exactly GitHub\'s rule, for any string over its alphabet and beyond', () => {
    const candidate = fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{0,41}$/), fc.string({ maxLength: 41 }));
    fc.assert(
      fc.property(candidate, (s) => {
        if (isGithubUsername(s)) expect(parseGithubUsername(s)).toBe(s);
        else rejects(() => parseGithubUsername(s), 'github_username');
      }),
      { numRuns: 2000 },
    );
  });

  it('names the field it was given and refuses non-strings', () => {
    rejects(() => parseGithubUsername(42), 'github_username');
    rejects(() => parseGithubUsername('a--b', 'login'), 'login');
  });
});

describe('profile fields', () => {
  it('full name: trimmed, at most 100 characters counted as code points, blank clears', () => {
    expect(parseFullName('  Ada Lovelace ')).toBe('Ada Lovelace');
    expect(parseFullName('😀'.repeat(100))).toBe('😀'.repeat(100));
    rejects(() => parseFullName('x'.repeat(101)), 'full_name');
    expect(parseFullName('   ')).toBeNull();
    expect(parseFullName(null)).toBeNull();
    rejects(() => parseFullName(7), 'full_name');
  });

  it('bio: at most 160 characters', () => {
    expect(parseBio('b'.repeat(160))).toBe('b'.repeat(160));
    rejects(() => parseBio('b'.repeat(161)), 'bio');
  });

  it('twitter username: 1..15 of [A-Za-z0-9_], optional @ dropped', () => {
    expect(parseTwitterUsername('@Ada_L')).toBe('Ada_L');
    expect(parseTwitterUsername('a'.repeat(15))).toBe('a'.repeat(15));
    for (const bad of ['a'.repeat(16), '@', 'ada-l', 'ada l', '@@ada']) rejects(() => parseTwitterUsername(bad), 'twitter_username');
  });

  it('linkedin profile: https://(www.)linkedin.com/in/<slug 3..100>, stored without a trailing slash', () => {
    expect(parseLinkedinProfile('https://www.linkedin.com/in/ada-lovelace/')).toBe('https://www.linkedin.com/in/ada-lovelace');
    expect(parseLinkedinProfile('https://linkedin.com/in/abc')).toBe('https://linkedin.com/in/abc');
    for (const bad of [
      'http://www.linkedin.com/in/ada',
      'https://www.linkedin.com/in/ab',
      `https://www.linkedin.com/in/${'a'.repeat(101)}`,
      'https://evil.com/in/ada-lovelace',
      'https://www.linkedin.com/company/ada',
      'https://www.linkedin.com.evil.com/in/ada',
    ]) rejects(() => parseLinkedinProfile(bad), 'linkedin_profile');
  });

  it('timezone: any name Intl accepts, stored canonically; offsets and unknown names refused', () => {
    expect(parseTimezone('utc')).toBe('UTC');
    expect(parseTimezone('Europe/Paris')).toBe('Europe/Paris');
    expect(parseTimezone('US/Pacific')).toBe('America/Los_Angeles');
    for (const bad of ['Mars/Olympus', '+05:00', '-03:00', '', 'Z', 3]) rejects(() => parseTimezone(bad), 'timezone');
  });

  it('canonical timezones are fixed points: parsing one again changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Intl.supportedValuesOf('timeZone')), (tz) => {
        const canonical = parseTimezone(tz);
        expect(parseTimezone(canonical)).toBe(canonical);
      }),
    );
  });
});

describe('entry fields', () => {
  it('day: integers 1..100 only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -200, max: 300 }), fc.double()), (n) => {
        if (Number.isInteger(n) && n >= 1 && n <= 100) expect(parseDay(n)).toBe(n);
        else rejects(() => parseDay(n), 'day');
      }),
    );
    rejects(() => parseDay('5'), 'day');
  });

  it('entry type: github or twitter', () => {
    expect(parseEntryType('github')).toBe('github');
    expect(parseEntryType('twitter')).toBe('twitter');
    for (const bad of ['GitHub', 'x', '', null]) rejects(() => parseEntryType(bad), 'entry_type');
  });

  it('url: absolute http(s), at most 2048 characters', () => {
    const base = 'https://github.com/ada/r/';
    expect(parseEntryUrl(`${base}${'a'.repeat(2048 - base.length)}`)).toHaveLength(2048);
    rejects(() => parseEntryUrl(`${base}${'a'.repeat(2049 - base.length)}`), 'url');
    expect(parseEntryUrl(' http://example.com/x ')).toBe('http://example.com/x');
    for (const bad of ['ftp://github.com/ada', 'javascript:alert(1)', 'github.com/ada', '/relative', 'https://', '', 9]) rejects(() => parseEntryUrl(bad), 'url');
  });
});

describe('participantLogin', () => {
  it('reads the login of a github: principal and forbids anyone else', () => {
    expect(participantLogin({ subject: 'github:Ada-L', sessionId: 's' })).toBe('Ada-L');
    for (const subject of ['0190f0c2-user-id', 'github:', 'github:-bad-', 'GITHUB:ada']) {
      expect(() => participantLogin({ subject, sessionId: 's' })).toThrow(ForbiddenError);
    }
  });
});

describe('checkEntryUrlShape', () => {
  const profile = { githubUsername: 'Ada-L', twitterUsername: 'ada_cloud' };
  const shape = (entryType: 'github' | 'twitter', url: string, p: { githubUsername: string; twitterUsername: string | null } = profile) =>
    checkEntryUrlShape({ entryType, url }, p).matches;

  it('accepts github urls inside the participant\'s own account, in any case', () => {
    expect(shape('github', 'https://github.com/Ada-L/100days/commit/abc123')).toBe(true);
    expect(shape('github', 'https://www.github.com/ada-l/100days')).toBe(true);
    expect(shape('github', 'https://github.com/Ada-L')).toBe(false);
    expect(shape('github', 'https://github.com/Ada-Lx/100days')).toBe(false);
    expect(shape('github', 'https://gist.github.com/Ada-L/abc')).toBe(false);
    expect(shape('github', 'https://github.com.evil.io/Ada-L/r')).toBe(false);
  });

  it('accepts twitter and x post urls of the participant\'s handle', () => {
    expect(shape('twitter', 'https://twitter.com/ada_cloud/status/1790000000000000000')).toBe(true);
    expect(shape('twitter', 'https://x.com/Ada_Cloud/status/42?s=20')).toBe(true);
    expect(shape('twitter', 'https://x.com/someone/status/42')).toBe(false);
    expect(shape('twitter', 'https://x.com/ada_cloud/likes')).toBe(false);
    expect(shape('twitter', 'https://x.com/ada_cloud/status/abc')).toBe(false);
    expect(shape('twitter', 'https://github.com/ada_cloud/status/42')).toBe(false);
    expect(shape('twitter', 'https://x.com/ada_cloud/status/42', { githubUsername: 'Ada-L', twitterUsername: null })).toBe(false);
  });
});
