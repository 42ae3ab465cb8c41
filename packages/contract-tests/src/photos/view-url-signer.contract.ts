import type { ViewUrlSigner } from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { withSubject, type Disposable } from '../shared/contract-subject.js';

export interface ViewUrlSignerSubject extends Disposable {
  readonly signer: ViewUrlSigner;
  /** Stores an object to be viewed. */
  readonly put: (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
  /** GETs the URL: the bytes, or null when the URL is refused (bad signature, expired, missing). */
  readonly fetch: (url: string) => Promise<Uint8Array | null>;
}

const HOUR = 3600_000;

/** The ViewUrlSigner port's documented behaviour, for every adapter. */
export function describeViewUrlSignerContract(
  adapterName: string,
  makeSubject: () => Promise<ViewUrlSignerSubject>,
): void {
  const run = (body: (s: ViewUrlSignerSubject) => Promise<void>) => () => withSubject(makeSubject, body);
  const window = (key: string) => {
    const issuedAt = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    return { key, issuedAt, expiresAt: new Date(issuedAt.getTime() + 2 * HOUR) };
  };

  describe(`ViewUrlSigner contract: ${adapterName}`, () => {
    it('is deterministic: the same request gives the same URL, another key or expiry another URL', run(
      async ({ signer }) => {
        const request = window('photos/user-1/p-1');
        const url = await signer.signViewUrl(request);
        expect(await signer.signViewUrl({ ...request })).toBe(url);
        expect(await signer.signViewUrl(window('photos/user-1/p-2'))).not.toBe(url);
        const later = new Date(request.expiresAt.getTime() + HOUR);
        expect(await signer.signViewUrl({ ...request, expiresAt: later })).not.toBe(url);
      },
    ));

    it('serves the object through the URL, and nothing through a tampered one', run(async ({ signer, put, fetch }) => {
      await put('photos/user-1/p 1', Uint8Array.from([1, 2, 3]), 'image/png');
      await put('photos/user-1/p-2', Uint8Array.from([4]), 'image/png');
      const url = await signer.signViewUrl(window('photos/user-1/p 1'));
      expect(await fetch(url)).toEqual(Uint8Array.from([1, 2, 3]));
      const otherKey = url.replace('p%201', 'p-2');
      expect(otherKey).not.toBe(url);
      expect(await fetch(otherKey)).toBeNull();
    }));
  });
}
