/**
 * A dependency-injection token for a port. It is a plain symbol (so any container, including
 * inversify, accepts it as a service identifier) branded with the port's type so that
 * composition roots stay type-safe without the domain importing a container library.
 */
export type Token<T> = symbol & { readonly __port?: T };

/** Creates the token `Symbol.for('hdoc.<name>')` for a port or use case. */
export function token<T>(name: string): Token<T> {
  return Symbol.for(`hdoc.${name}`) as Token<T>;
}
