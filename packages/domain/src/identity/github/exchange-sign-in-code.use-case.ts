import { InvalidGrantError } from '../../shared/errors.js';
import { participantSubject } from '../../challenge/participant/participant-login.js';
import type { SecretGenerator } from '../secrets/secret-generator.port.js';
import type { SessionIssuer } from '../sessions/session-issuer.js';
import type { SessionTokens } from '../sessions/session.js';
import type { SignInCodeStore } from './sign-in-code-store.port.js';

export interface ExchangeSignInCodeInput {
  /** The `code` the GitHub callback put in the return URL's fragment. */
  readonly code: string;
}

export interface ExchangeSignInCodeResult extends SessionTokens {
  readonly githubUsername: string;
  readonly profileCreated: boolean;
}

/**
 * POST /sessions/github: exchanges the single-use code of a finished GitHub sign-in (see
 * CompleteGitHubLogin with a `returnTo`) for a session, once, within its 60 seconds. An unknown, used
 * or expired code is `InvalidGrantError`.
 */
export class ExchangeSignInCode {
  constructor(
    private readonly codes: SignInCodeStore,
    private readonly secrets: Pick<SecretGenerator, 'fingerprint'>,
    private readonly sessions: Pick<SessionIssuer, 'open'>,
  ) {}

  async execute(input: ExchangeSignInCodeInput): Promise<ExchangeSignInCodeResult> {
    const pending = input.code.length === 0 ? null : await this.codes.take(this.secrets.fingerprint(input.code));
    if (pending === null) throw new InvalidGrantError();
    const tokens = await this.sessions.open(participantSubject(pending.githubUsername));
    return { ...tokens, githubUsername: pending.githubUsername, profileCreated: pending.profileCreated };
  }
}
