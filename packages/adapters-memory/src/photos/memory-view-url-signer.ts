import type { Clock, ViewUrlRequest, ViewUrlSigner } from '@hdoc/domain';
import { HmacSigner } from './hmac-signer.js';
import { encodeS3Key } from './s3-key-encoding.js';
import { resolveLocalBaseUrl, type LocalBaseUrl } from './local-base-url.js';

export interface MemoryViewUrlSignerOptions {
  /** Server secret for the HMAC; at least 16 characters. */
  readonly secret: string | Uint8Array;
  /** Where the local server listens, e.g. http://127.0.0.1:3000. */
  readonly baseUrl: LocalBaseUrl;
  readonly clock: Clock;
}

/** The parts of a local view request the HTTP layer hands over: decoded key, and the query values. */
export interface LocalViewRequest {
  readonly key: string;
  readonly expires: string | undefined;
  readonly signature: string | undefined;
}

/**
 * Read URLs for the local run: `<baseUrl>/local-objects/<key>?expires=<epoch s>&signature=<hmac>`.
 * Deterministic (same key and expiry, same URL), so the domain's cache windows work locally too.
 * The HTTP layer serves the bytes only when {@link verifyViewRequest} answers `valid`.
 */
export class MemoryViewUrlSigner implements ViewUrlSigner {
  private readonly hmac: HmacSigner;

  constructor(private readonly options: MemoryViewUrlSignerOptions) {
    this.hmac = new HmacSigner(options.secret, 'hdoc-local-view');
  }

  async signViewUrl(request: ViewUrlRequest): Promise<string> {
    const expires = String(Math.floor(request.expiresAt.getTime() / 1000));
    const signature = this.hmac.sign([request.key, expires]);
    const base = resolveLocalBaseUrl(this.options.baseUrl);
    return `${base}/local-objects/${encodeS3Key(request.key, false)}?expires=${expires}&signature=${signature}`;
  }

  /** The base URL the next URL will start with. */
  urlScope(): string {
    return resolveLocalBaseUrl(this.options.baseUrl);
  }

  /** `invalid` for a missing or wrong signature (any other key or expiry), `expired` after the expiry. */
  verifyViewRequest(request: LocalViewRequest): 'valid' | 'expired' | 'invalid' {
    const { key, expires, signature } = request;
    if (!expires || !/^\d+$/u.test(expires) || !signature) return 'invalid';
    if (!this.hmac.verify([key, expires], signature)) return 'invalid';
    return this.options.clock.now().getTime() < Number(expires) * 1000 ? 'valid' : 'expired';
  }
}
