import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVerificationJob } from '../../src/consumers/verification-job.message.js';
import { MalformedMessageError } from '../../src/sqs/malformed-message.error.js';

const JOB = { githubUsername: 'Octo-Cat', day: 7, entryType: 'github', url: 'https://github.com/Octo-Cat/cloud-day-7' };

function parseFailure(body: string): MalformedMessageError {
  try {
    parseVerificationJob(body);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedMessageError);
    return error as MalformedMessageError;
  }
  throw new Error(`accepted ${body}`);
}

describe('parseVerificationJob', () => {
  it('reads the camelCase VerificationJob JSON the API enqueues', () => {
    expect(parseVerificationJob(JSON.stringify(JOB))).toEqual(JOB);
    expect(parseVerificationJob(JSON.stringify({ ...JOB, entryType: 'twitter', url: 'https://x.com/octo/status/1' }))).toEqual({
      ...JOB,
      entryType: 'twitter',
      url: 'https://x.com/octo/status/1',
    });
  });

  it('round-trips every valid job', () => {
    const login = fc.stringMatching(/^[A-Za-z0-9]{1,20}(-[A-Za-z0-9]{1,18})?$/);
    fc.assert(
      fc.property(login, fc.integer({ min: 1, max: 100 }), fc.constantFrom('github', 'twitter'), (githubUsername, day, entryType) => {
        const job = { githubUsername, day, entryType, url: `https://github.com/${githubUsername}/r/commit/${day}` };
        expect(parseVerificationJob(JSON.stringify(job))).toEqual(job);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['not JSON', 'verify octocat please', 'not JSON'],
    ['an array', JSON.stringify([JOB]), 'must be a JSON object'],
    ['null', 'null', 'must be a JSON object'],
    ['the snake_case HTTP shape', JSON.stringify({ github_username: 'octocat', day: 1, entry_type: 'github', url: JOB.url }), 'unexpected field'],
    ['an extra field', JSON.stringify({ ...JOB, priority: 'high' }), 'unexpected field'],
    ['a missing username', JSON.stringify({ ...JOB, githubUsername: undefined }), 'githubUsername'],
    ['an invalid username', JSON.stringify({ ...JOB, githubUsername: '-bad-' }), 'githubUsername'],
    ['day 0', JSON.stringify({ ...JOB, day: 0 }), 'day'],
    ['day 101', JSON.stringify({ ...JOB, day: 101 }), 'day'],
    ['a fractional day', JSON.stringify({ ...JOB, day: 1.5 }), 'day'],
    ['a day as a string', JSON.stringify({ ...JOB, day: '7' }), 'day'],
    ['an unknown entry type', JSON.stringify({ ...JOB, entryType: 'mastodon' }), 'entryType'],
    ['a non-http url', JSON.stringify({ ...JOB, url: 'javascript:alert(1)' }), 'url'],
    ['an empty url', JSON.stringify({ ...JOB, url: '' }), 'url'],
  ])('refuses %s, naming the problem', (_name, body, expected) => {
    expect(parseFailure(body).message).toContain(expected);
  });

  it('never echoes a value or a field name from the body in its message', () => {
    const secret = 'personal-data-4711';
    const bodies = [
      secret,
      JSON.stringify({ ...JOB, githubUsername: secret + '!' }),
      JSON.stringify({ ...JOB, url: `ftp://${secret}` }),
      JSON.stringify({ ...JOB, [secret]: 1 }),
      JSON.stringify({ ...JOB, entryType: secret }),
    ];
    for (const body of bodies) expect(parseFailure(body).message).not.toContain(secret);
  });
});
