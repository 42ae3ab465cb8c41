import { token } from '../../shared/token.js';

/** A read grant for one object over a fixed validity interval. */
export interface ViewUrlRequest {
  readonly key: string;
  /** The start of the validity interval (the signing instant, for signers that record one). */
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/**
 * Signs temporary read URLs. Signers are deterministic: the same request yields the same URL, which
 * is what lets the domain hand out one URL per cache window so browsers reuse the cached image.
 */
export interface ViewUrlSigner {
  signViewUrl(request: ViewUrlRequest): Promise<string>;
  /**
   * What, besides the request, the URL depends on at this moment (the local signer's base URL, which
   * follows each request's Host when no public base URL is configured). URL caches key on it, so one
   * client never receives a URL made for another's host. Absent when URLs depend on the request alone.
   */
  urlScope?(): string;
}

export const ViewUrlSignerToken = token<ViewUrlSigner>('ViewUrlSigner');
