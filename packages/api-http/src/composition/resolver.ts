import type { Container } from 'inversify';
import type { Dependency } from '@hdoc/domain';
import type { Resolve } from '../http/routing/define-route.js';

/** Typed look-ups in the container: every binding is mandatory, so a missing one throws at once. */
export function resolverOf(container: Container): Resolve {
  return <T>(key: Dependency<T>): T => container.get<T>(key as symbol);
}
