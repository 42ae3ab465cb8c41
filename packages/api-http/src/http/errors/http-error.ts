/**
 * The stable error codes of the HTTP API with the status each comes with: the one list the error
 * schema, the OpenAPI overview and the tests read, so a new code cannot go undocumented.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  username_taken: 409,
  concurrent_update: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  invalid_grant: 400,
  internal: 500,
  dependency_unavailable: 503,
} as const;

/** A stable error code of the HTTP API. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every error code, in the order of {@link ERROR_STATUS}. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** One invalid input: where (`body.tags[3]`, `query.limit`, `path.id`) and what is wrong, for people. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * The body of every error response: `{"error": {"code", "message", "details"}}`. `details` is always
 * there: every invalid field on a 400, an empty list otherwise.
 */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details: readonly FieldIssue[];
  };
}

/**
 * An error already translated to the HTTP vocabulary. The error handler sends it as it is, so its
 * message must be safe to show to any client.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly options: { readonly details?: readonly FieldIssue[]; readonly headers?: Readonly<Record<string, string>> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** The JSON body clients receive. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.options.details ?? [] } };
  }
}

/** `WWW-Authenticate` for every 401, as RFC 6750 asks; `invalid_token` when a token was presented. */
export function bearerChallenge(tokenPresented: boolean): Record<string, string> {
  return {
    'WWW-Authenticate': tokenPresented ? 'Bearer realm="hdoc", error="invalid_token"' : 'Bearer realm="hdoc"',
  };
}
