import type { Request } from 'express';

/**
 * The address a request came from, as per-address rate limits count it: express's `req.ip` (which
 * follows X-Forwarded-For only with `TRUST_PROXY`), else the socket's peer.
 */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
