import { ConcurrentUpdateError, UsernameTakenError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '@hdoc/domain';
import { UpstreamUnavailableError } from '@hdoc/adapters-node';
import { describe, expect, it } from 'vitest';
import { DependencyUnavailableError, isDependencyFailure } from '../../src/http/errors/dependency-unavailable.error.js';
import { toHttpError } from '../../src/http/errors/error-mapper.js';
import { HttpError } from '../../src/http/errors/http-error.js';

const withCode = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });

describe('isDependencyFailure', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a DNS failure', withCode('ENOTFOUND')],
    ['a socket timeout', withCode('ETIMEDOUT')],
    ['a fetch failure caused by a refused connection', new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') })],
    ['a happy-eyeballs AggregateError', Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: undefined })],
    ['an AWS SDK throttle', Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })],
    ['an AWS SDK 5xx', Object.assign(new Error('oops'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })],
    ['an AWS SDK timeout', Object.assign(new Error('t'), { name: 'TimeoutError' })],
    ['a PostgreSQL connection failure', withCode('08006')],
    ['a PostgreSQL shutdown', withCode('57P01')],
    ['an ioredis retries exhaustion', Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' })],
    ['a PostgreSQL statement timeout', withCode('57014')],
    ['pg giving up on a silent database', new Error('Connection terminated due to connection timeout')],
    ['pg with no free pool connection', new Error('timeout exceeded when trying to connect')],
    ['pg client query timeout', new Error('Query read timeout')],
    ['ioredis with Redis down (no offline queue)', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['ioredis with Redis hung', new Error('Command timed out')],
    ['ioredis while connecting fails', new Error('Connection is closed.')],
    ['an explicit DependencyUnavailableError', new DependencyUnavailableError('github')],
    ['GitHub answering 5xx', new UpstreamUnavailableError('GitHub user lookup answered HTTP 502')],
  ])('recognises %s', (_name, error) => {
    expect(isDependencyFailure(error)).toBe(true);
  });

  it.each([
    ['a plain bug', new TypeError('x is undefined')],
    ['a PostgreSQL unique violation', withCode('23505')],
    ['an AWS client error', Object.assign(new Error('bad'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } })],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('does not mistake %s for one', (_name, error) => {
    expect(isDependencyFailure(error)).toBe(false);
  });

  it('stops on cyclic causes', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(isDependencyFailure(error)).toBe(false);
  });
});

describe('toHttpError', () => {
  it('keeps domain messages and fields, which are written for clients; outside a route, domain fields are body fields', () => {
    expect(toHttpError(new ValidationError('tags[3]', 'too long')).toBody()).toEqual({
      error: { code: 'invalid_input', message: 'body.tags[3]: too long', details: [{ field: 'body.tags[3]', message: 'too long' }] },
    });
    expect(toHttpError(new ValidationError('limit', 'too big'), (field) => `query.${field}`).toBody().error.details).toEqual([
      { field: 'query.limit', message: 'too big' },
    ]);
    expect(toHttpError(new NotFoundError('photo')).status).toBe(404);
    expect(toHttpError(new UsernameTakenError())).toMatchObject({ status: 409, code: 'username_taken' });
    expect(toHttpError(new ConcurrentUpdateError('photo'))).toMatchObject({ status: 409, code: 'concurrent_update' });
    expect(toHttpError(new ForbiddenError()).status).toBe(403);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(toHttpError(new RateLimitedError(0.2)).options.headers).toEqual({ 'Retry-After': '1' });
    expect(toHttpError(new RateLimitedError(60)).options.headers).toEqual({ 'Retry-After': '60' });
  });

  it('passes HttpErrors through and hides everything unexpected', () => {
    const http = new HttpError(409, 'concurrent_update', 'c');
    expect(toHttpError(http)).toBe(http);
    for (const unexpected of [new Error('db password=x'), 'string thrown', { status: 500 }, { status: 404 }, undefined]) {
      expect(toHttpError(unexpected).toBody()).toEqual({ error: { code: 'internal', message: 'internal error', details: [] } });
    }
  });

  it('maps body-parser failures by their type', () => {
    const parserError = (type: string, status: number) => Object.assign(new Error('raw'), { type, status, expose: true });
    expect(toHttpError(parserError('entity.too.large', 413)).code).toBe('payload_too_large');
    expect(toHttpError(parserError('entity.parse.failed', 400)).code).toBe('invalid_json');
    expect(toHttpError(parserError('charset.unsupported', 415)).code).toBe('unsupported_media_type');
    expect(toHttpError(parserError('something.new', 400)).toBody()).toEqual({
      error: { code: 'invalid_input', message: 'request: is malformed', details: [{ field: 'request', message: 'is malformed' }] },
    });
  });
});
