import type { Response } from 'express';

/** Whether shared or private caches may keep (and so revalidate) the answer. */
function mayBeCached(res: Response): boolean {
  const cacheControl = res.getHeader('Cache-Control');
  return typeof cacheControl !== 'string' || !cacheControl.includes('no-store');
}

/**
 * Sends `body` as JSON with `status`, as express's `res.json` would, minus the work an answer marked
 * `no-store` never uses: its ETag (a hash of the whole body, see body-etag.ts) is skipped, since no
 * cache keeps such an answer to revalidate it. Other answers get the app's
 * ETag and a 304 when the request's validators match, as with express. The body is encoded once, for
 * both the hash and the socket.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const etagOf = res.app.get('etag fn') as ((body: Buffer) => string) | undefined;
  if (etagOf !== undefined && mayBeCached(res)) {
    res.setHeader('ETag', etagOf(bytes));
    if (res.req.fresh) {
      res.statusCode = 304;
      res.removeHeader('Content-Type');
      res.end();
      return;
    }
  }
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
