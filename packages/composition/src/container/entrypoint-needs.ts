import { ALL_USE_CASES, type UseCaseWiring } from '@hdoc/domain';

/** A use case (or wired service) class, as entrypoints name what they run. */
export type UseCaseClass = new (...args: never[]) => unknown;

/** What an entrypoint's use cases are built from, transitively: the classes to bind and the ports to provide. */
export interface EntrypointNeeds {
  readonly wirings: readonly UseCaseWiring[];
  readonly ports: ReadonlySet<symbol>;
}

const WIRING_OF = new Map<unknown, UseCaseWiring>(ALL_USE_CASES.map((wiring) => [wiring.useCase, wiring]));

/**
 * Walks the domain's wiring catalogue from `useCases`: every wired class they are built from, and
 * every port token on the way. The composition binds and loads only these, so an entrypoint never
 * loads (or needs configuration for) an adapter none of its use cases reads: the worker's container
 * has no token service, so the worker needs no JWT key.
 */
export function entrypointNeeds(useCases: readonly UseCaseClass[]): EntrypointNeeds {
  const wirings = new Map<unknown, UseCaseWiring>();
  const ports = new Set<symbol>();
  const visit = (useCase: unknown): void => {
    if (wirings.has(useCase)) return;
    const wiring = WIRING_OF.get(useCase);
    if (wiring === undefined) throw new Error(`${(useCase as { name?: string }).name ?? 'a class'} is not in the domain's wiring catalogue`);
    wirings.set(useCase, wiring);
    for (const dependency of wiring.dependencies) {
      if (typeof dependency === 'symbol') ports.add(dependency);
      else visit(dependency);
    }
  };
  useCases.forEach(visit);
  return { wirings: [...wirings.values()], ports };
}
