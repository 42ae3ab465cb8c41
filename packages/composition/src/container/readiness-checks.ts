/** One dependency an entrypoint needs to serve (a database, a cache, a queue, a signing key...). */
export interface ReadinessCheck {
  /** Short stable name shown in /readyz, e.g. `redis`. Never a hostname or a secret. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects otherwise. */
  check(): Promise<void>;
}

/**
 * The readiness checks of one composition: each adapter family registers a check per dependency it
 * opened, and a host adds its own (the in-process worker). `/readyz` runs them all.
 */
export class ReadinessChecks {
  readonly #checks: ReadinessCheck[] = [];

  /** Adds a check. */
  register(check: ReadinessCheck): void {
    this.#checks.push(check);
  }

  /** Every check registered so far. */
  all(): readonly ReadinessCheck[] {
    return [...this.#checks];
  }
}
