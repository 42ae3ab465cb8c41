/**
 * Where the local server is reached. A function when it is known only once the server listens (port 0
 * in tests, or a port chosen at start).
 */
export type LocalBaseUrl = string | (() => string);

/** The base URL without trailing slashes, read now. */
export function resolveLocalBaseUrl(baseUrl: LocalBaseUrl): string {
  return (typeof baseUrl === 'function' ? baseUrl() : baseUrl).replace(/\/+$/u, '');
}
