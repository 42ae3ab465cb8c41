/** A password account of the photo backend. `username` is always the lowercase canonical form. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly createdAt: Date;
}

/** What a user may see of an account: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly createdAt: Date;
}

/** Strips the secret parts of a user. */
export function toUserView(user: User): UserView {
  return { id: user.id, username: user.username, createdAt: user.createdAt };
}
