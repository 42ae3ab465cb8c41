/**
 * Who is acting. `subject` is a user id for password accounts and `github:<login>` for challenge
 * participants; `sessionId` is the session the access token belongs to. Every use case that acts
 * on someone's data takes the principal and authorizes against `subject`.
 */
export interface Principal {
  readonly subject: string;
  readonly sessionId: string;
}
