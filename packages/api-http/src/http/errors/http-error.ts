/** The stable error codes of the HTTP API, one per status it answers with on failure. */
export type ErrorCode =
  | 'invalid_input'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'username_taken'
  | 'concurrent_update'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'invalid_grant'
  | 'internal'
  | 'dependency_unavailable';

/** The body of every error response: `{"error": {"code", "message", "field"?}}`. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    /** Path of the offending input (e.g. `body.tags[3]`, `content_type`) when one input is to blame. */
    readonly field?: string;
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
    readonly options: { readonly field?: string; readonly headers?: Readonly<Record<string, string>> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** The JSON body clients receive. */
  toBody(): ErrorBody {
    const field = this.options.field;
    return { error: { code: this.code, message: this.message, ...(field === undefined ? {} : { field }) } };
  }
}

/** `WWW-Authenticate` for every 401, as RFC 6750 asks; `invalid_token` when a token was presented. */
export function bearerChallenge(tokenPresented: boolean): Record<string, string> {
  return {
    'WWW-Authenticate': tokenPresented ? 'Bearer realm="hdoc", error="invalid_token"' : 'Bearer realm="hdoc"',
  };
}
