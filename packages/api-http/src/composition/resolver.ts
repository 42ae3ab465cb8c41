import type { Container } from 'inversify';
import type { Resolve, ServiceKey } from '../http/routing/define-route.js';

/** Typed look-ups in the container: every binding is mandatory, so a missing one throws at once. */
export function resolverOf(container: Container): Resolve {
  return <T>(key: ServiceKey<T>): T => container.get<T>(key as symbol);
}
