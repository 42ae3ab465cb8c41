import type { MemoryObjectStorage, MemoryViewUrlSigner } from '@hdoc/adapters-memory';
import type { Clock } from '@hdoc/domain';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../../http/errors/http-error.js';

/** What the object endpoint reads from. */
export interface LocalObjectSources {
  readonly views: MemoryViewUrlSigner;
  readonly storage: MemoryObjectStorage;
  readonly clock: Clock;
}

/** A single query value (the app's simple parser gives arrays for repeated ones). */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The object key: the router has already percent-decoded each path segment. */
function keyOf(req: Request): string {
  const segments: unknown = req.params['key'];
  return Array.isArray(segments) ? segments.join('/') : String(segments);
}

/**
 * `GET /local-objects/<key>?expires=&signature=`: serves an object through a signed view URL, like a
 * presigned S3 GET. Cacheable privately until the URL expires, with an ETag for revalidation; 403
 * for a bad or lapsed signature (as S3), 404 once the object is gone.
 */
export function serveLocalObject({ views, storage, clock }: LocalObjectSources): RequestHandler {
  return async (req, res) => {
    const key = keyOf(req);
    const expires = single(req.query['expires']);
    const verdict = views.verifyViewRequest({ key, expires, signature: single(req.query['signature']) });
    if (verdict !== 'valid') {
      throw new HttpError(403, 'forbidden', verdict === 'expired' ? 'the URL has expired' : 'the URL signature is not valid');
    }
    const [facts, object] = await Promise.all([storage.head(key), storage.read(key)]);
    if (facts === null || object === null) throw new HttpError(404, 'not_found', 'no such object');
    const remainingSeconds = Math.max(0, Math.floor((Number(expires) * 1000 - clock.now().getTime()) / 1000));
    res.set({
      'Content-Type': object.contentType,
      'Cache-Control': `private, max-age=${remainingSeconds}`,
      ETag: `"${facts.etag}"`,
      'Last-Modified': facts.lastModified.toUTCString(),
      // The signature is the access control: pages on other origins may show the image, as with S3.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    // send() answers 304 itself when the request's If-None-Match matches the ETag.
    res.status(200).send(Buffer.from(object.bytes));
  };
}
