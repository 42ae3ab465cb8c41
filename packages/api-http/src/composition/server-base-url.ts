import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import type { HttpConfig } from './config.js';

/** Addresses that mean "every interface": none of them is an address a client can use. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']);

/** Whether `HOST` listens on every interface. */
export function isWildcardHost(host: string): boolean {
  return WILDCARD_HOSTS.has(host);
}

/** A Host header fit to stand in a URL: a DNS name or IPv4 address, or a bracketed IPv6 one, and an optional port. */
const HOST_HEADER =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

/**
 * Where a client on this machine reaches the server listening on `port`: `PUBLIC_BASE_URL` when set;
 * `localhost` for a wildcard `HOST` (printed at start, and used outside requests); else `HOST` itself.
 */
export function reachableBaseUrl(config: Pick<HttpConfig, 'publicBaseUrl' | 'host'>, port: number): string {
  if (config.publicBaseUrl !== undefined) return config.publicBaseUrl;
  if (isWildcardHost(config.host)) return `http://localhost:${port}`;
  return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
}

/** The server's own base URL, for the absolute URLs it hands out (upload and view URLs, the OAuth callback). */
export interface ServerBaseUrl {
  /** The base URL for the request being served (or, outside requests, the listening address). */
  current(): string;
  /** Where the server listens, once it does (ignored when PUBLIC_BASE_URL is set). */
  listeningAt(url: string): void;
  /**
   * With a wildcard `HOST` and no `PUBLIC_BASE_URL`: runs each request with its own origin, so that the
   * URLs it is given point where that client reached the server. Undefined otherwise.
   */
  readonly requestScope: ((req: Request, serve: () => void) => void) | undefined;
}

/**
 * The base URL rule of the local run. `PUBLIC_BASE_URL` wins. Without it, a server on a wildcard
 * address (`HOST=0.0.0.0`, in a container or to be reached from a phone) cannot know its address, so
 * each request's URLs are built from that request's own `Host` (and scheme; `X-Forwarded-*` only with
 * `TRUST_PROXY`). A client can only mislead itself that way; answers carrying such URLs are
 * per-user (`no-store`), and a Host that is not a plain host name falls back to the listening address.
 * In production set `PUBLIC_BASE_URL`.
 */
export function serverBaseUrl(config: Pick<HttpConfig, 'publicBaseUrl' | 'host' | 'port'>): ServerBaseUrl {
  let listening = reachableBaseUrl(config, config.port);
  const fixed = config.publicBaseUrl;
  if (fixed !== undefined) return { current: () => fixed, listeningAt: () => undefined, requestScope: undefined };
  const listeningAt = (url: string): void => {
    listening = url.replace(/\/+$/, '');
  };
  if (!isWildcardHost(config.host)) return { current: () => listening, listeningAt, requestScope: undefined };
  const origins = new AsyncLocalStorage<string>();
  return {
    current: () => origins.getStore() ?? listening,
    listeningAt,
    requestScope: (req, serve) => {
      const host = req.host;
      origins.run(typeof host === 'string' && HOST_HEADER.test(host) ? `${req.protocol}://${host}` : listening, serve);
    },
  };
}
