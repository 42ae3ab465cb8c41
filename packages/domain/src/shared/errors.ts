/**
 * Expected failures of the domain. Each carries a stable machine-readable `code` that the edges
 * (HTTP, worker) map to their own vocabulary; messages are for humans and never contain secrets.
 * Infrastructure failures are not DomainErrors: they are thrown as they are.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** Input broke a rule. `field` is the path of the offending field, e.g. `tags[3]`. */
export class ValidationError extends DomainError {
  readonly code = 'invalid_input';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ValidationError';
  }
}

/** The thing does not exist, or the principal may not know that it does. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(readonly resource: string) {
    super(`${resource} not found`);
    this.name = 'NotFoundError';
  }
}

/** The write conflicts with the current state (duplicate username, stale version after retries...). */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Credentials or token missing, wrong, expired or revoked. Deliberately vague. */
export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
  constructor(message = 'authentication required') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** Too many attempts; retry after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super('too many attempts, retry later');
    this.name = 'RateLimitedError';
  }
}

/** A file type the catalog does not accept. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** A declared size above the configured maximum. */
export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'PayloadTooLargeError';
  }
}

/** The principal is authenticated but may not do this (e.g. a password account acting as a participant). */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  constructor(message = 'not allowed') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
