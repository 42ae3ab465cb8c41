import type { Principal } from '../../shared/principal.js';
import type { SessionStore } from './session-store.port.js';

export interface LogOutEverywhereInput {
  readonly actor: Principal;
}

export interface LogOutEverywhereResult {
  readonly revokedSessions: number;
}

/** Ends every session of the actor's subject, on every device (DELETE /sessions). */
export class LogOutEverywhere {
  constructor(private readonly sessions: SessionStore) {}

  async execute(input: LogOutEverywhereInput): Promise<LogOutEverywhereResult> {
    return { revokedSessions: await this.sessions.revokeAllOf(input.actor.subject) };
  }
}

