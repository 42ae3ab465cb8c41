import { participantLogin, participantSubject } from '../../challenge/participant/participant-login.js';
import { NotFoundError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import { toUserView, type UserView } from './user.js';
import type { UserRepository } from './user-repository.port.js';

export interface WhoAmIInput {
  readonly actor: Principal;
}

/** Who the caller is: a password account, or a challenge participant signed in with GitHub. */
export type Caller =
  | ({ readonly kind: 'user' } & UserView)
  | { readonly kind: 'participant'; readonly githubUsername: string };

/** Subjects of GitHub principals start with this; password accounts are ids, which never do. */
const PARTICIPANT_PREFIX = participantSubject('');

/**
 * Says who the bearer is (GET /me), so a client that holds a token from either sign-in learns which
 * kind of principal it is without trying the kind-specific endpoints. A password account that no
 * longer exists gets `NotFoundError('user')`.
 */
export class WhoAmI {
  constructor(private readonly users: UserRepository) {}

  async execute(input: WhoAmIInput): Promise<Caller> {
    if (input.actor.subject.startsWith(PARTICIPANT_PREFIX)) {
      return { kind: 'participant', githubUsername: participantLogin(input.actor) };
    }
    const user = await this.users.findById(input.actor.subject);
    if (user === null) throw new NotFoundError('user');
    return { kind: 'user', ...toUserView(user) };
  }
}
