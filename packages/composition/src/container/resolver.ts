import type { Dependency } from '@hdoc/domain';
import type { Container } from 'inversify';

/** A typed look-up by port token or use-case class: every binding is mandatory, so a missing one throws at once. */
export type Resolve = <T>(key: Dependency<T>) => T;

/** Typed look-ups in the container (port tokens are symbols branded with their port's type). */
export function resolverOf(container: Container): Resolve {
  return <T>(key: Dependency<T>): T => container.get<T>(key as symbol);
}
