import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 over a list of fields (length-prefixed, so no two lists sign alike), base64url.
 * Each signer has a purpose label, so a view signature never passes as an upload signature.
 */
export class HmacSigner {
  constructor(
    private readonly secret: string | Uint8Array,
    private readonly purpose: string,
  ) {
    if (secret.length < 16) throw new Error('the signing secret must be at least 16 characters/bytes');
  }

  sign(fields: readonly string[]): string {
    const hmac = createHmac('sha256', this.secret);
    for (const field of [this.purpose, ...fields]) hmac.update(`${field.length}:${field};`);
    return hmac.digest('base64url');
  }

  /** Constant-time comparison of a presented signature with the expected one. */
  verify(fields: readonly string[], signature: string): boolean {
    const expected = Buffer.from(this.sign(fields));
    const presented = Buffer.from(signature);
    return expected.length === presented.length && timingSafeEqual(expected, presented);
  }
}
