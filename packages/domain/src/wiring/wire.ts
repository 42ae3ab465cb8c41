import type { Token } from '../shared/token.js';

/** What builds a constructor argument: a port token, or another wired class (a use case or service). */
export type Dependency<T> = Token<T> | (new (...args: never[]) => T);

/**
 * How one use case is built: its class and the providers of its constructor arguments, in order.
 * Pure data, so every app's composition root binds the same wiring with its own container.
 */
export interface UseCaseWiring<T = unknown> {
  readonly useCase: new (...args: never[]) => T;
  readonly dependencies: readonly Dependency<unknown>[];
}

/** Declares a wiring; the compiler checks each provider against the constructor's parameter. */
export function wire<A extends unknown[], T>(
  useCase: new (...args: A) => T,
  dependencies: { readonly [K in keyof A]: Dependency<A[K]> },
): UseCaseWiring<T> {
  return { useCase: useCase as unknown as new (...args: never[]) => T, dependencies: dependencies as readonly Dependency<unknown>[] };
}
