import type { Principal } from '../../shared/principal.js';
import type { SessionStore } from './session-store.port.js';

export interface LogOutInput {
  readonly actor: Principal;
}

/** Ends the actor's current session (DELETE /sessions/current); its tokens stop working at once. */
export class LogOut {
  constructor(private readonly sessions: SessionStore) {}

  async execute(input: LogOutInput): Promise<void> {
    await this.sessions.revoke(input.actor.sessionId);
  }
}

