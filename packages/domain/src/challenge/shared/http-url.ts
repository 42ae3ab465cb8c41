/** The parts of a WHATWG URL the challenge rules look at. */
export interface ParsedHttpUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}

type UrlConstructor = new (input: string) => ParsedHttpUrl;

/*
 * `URL` is a global of every JavaScript runtime the domain runs on (Node, Lambda, browsers) but not part of
 * the ES library typings the pure domain compiles against, so it is reached through globalThis with the
 * few members used here.
 */
const WhatwgUrl = (globalThis as unknown as { URL: UrlConstructor }).URL;

/** Parses an absolute http(s) URL; null for anything `URL` rejects or another scheme. */
export function parseHttpUrl(raw: string): ParsedHttpUrl | null {
  let url: ParsedHttpUrl;
  try {
    url = new WhatwgUrl(raw);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** The non-empty segments of a URL path: `/a//b/` -> `['a', 'b']`. */
export function pathSegments(url: ParsedHttpUrl): string[] {
  return url.pathname.split('/').filter((segment) => segment.length > 0);
}
