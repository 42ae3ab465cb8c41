import { NotFoundError } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import { toUserView, type UserView } from './user.js';
import type { UserRepository } from './user-repository.port.js';

export interface GetCurrentUserInput {
  readonly actor: Principal;
}

/**
 * The account of the acting principal (GET /users/me). A principal without a password account
 * (a GitHub participant, or a deleted user) gets `NotFoundError('user')`.
 */
export class GetCurrentUser {
  constructor(private readonly users: UserRepository) {}

  async execute(input: GetCurrentUserInput): Promise<UserView> {
    const user = await this.users.findById(input.actor.subject);
    if (user === null) throw new NotFoundError('user');
    return toUserView(user);
  }
}

