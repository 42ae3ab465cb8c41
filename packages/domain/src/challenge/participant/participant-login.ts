import { ForbiddenError, ValidationError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import { parseGithubUsername } from './github-username.js';

const PARTICIPANT_PREFIX = 'github:';

/** The principal subject of a challenge participant: `github:<login>`. */
export function participantSubject(githubUsername: string): string {
  return `${PARTICIPANT_PREFIX}${githubUsername}`;
}

/**
 * The GitHub login a principal acts as. Only sessions opened by GitHub sign-in act on a profile; a
 * password account (or a malformed subject) gets ForbiddenError: it is authenticated, just not a participant.
 */
export function participantLogin(actor: Principal): string {
  if (!actor.subject.startsWith(PARTICIPANT_PREFIX)) {
    throw new ForbiddenError('only challenge participants signed in with GitHub may do this');
  }
  try {
    return parseGithubUsername(actor.subject.slice(PARTICIPANT_PREFIX.length));
  } catch (error) {
    if (error instanceof ValidationError) throw new ForbiddenError('the session does not name a GitHub login');
    throw error;
  }
}
