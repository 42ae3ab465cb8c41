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

/**
 * The write conflicts with the current state (HTTP 409). Abstract: each meaning has its own subclass
 * and code, so a client can tell "pick another name" from "retry".
 */
export abstract class ConflictError extends DomainError {}

/** Sign-up asked for a username someone holds already (in any letter case). Not worth retrying. */
export class UsernameTakenError extends ConflictError {
  readonly code = 'username_taken';
  constructor() {
    super('username is already taken');
    this.name = 'UsernameTakenError';
  }
}

/** Concurrent writers kept winning the race for the same record; the same request may be retried. */
export class ConcurrentUpdateError extends ConflictError {
  readonly code = 'concurrent_update';
  constructor(what: string) {
    super(`${what} is being changed concurrently, try again`);
    this.name = 'ConcurrentUpdateError';
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

/**
 * A single-use sign-in code (the GitHub callback's `#code=`) that is unknown, already exchanged or
 * expired (HTTP 400 `invalid_grant`, as OAuth names it): the page starts the sign-in again.
 */
export class InvalidGrantError extends DomainError {
  readonly code = 'invalid_grant';
  /** The input to blame: the one-time code. */
  readonly field = 'code';
  constructor(what = 'is unknown, already used or expired; sign in again') {
    super(`code: ${what}`);
    this.name = 'InvalidGrantError';
  }
}
