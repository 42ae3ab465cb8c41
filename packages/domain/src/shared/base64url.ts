/*
 * base64url (RFC 4648 §5, unpadded) over UTF-8, written against the standard library alone because the
 * domain may not use Buffer, btoa or TextEncoder. UTF-8 comes from encodeURIComponent, whose %XX escapes
 * are exactly the UTF-8 bytes, and decodeURIComponent, which rejects malformed UTF-8.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** UTF-8 of any text, through encodeURIComponent's escapes. */
function escapedUtf8Bytes(text: string, bytes: number[]): number[] {
  const escaped = encodeURIComponent(text);
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      bytes.push(Number.parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(escaped.charCodeAt(i));
    }
  }
  return bytes;
}

/** UTF-8 bytes of `text`: ASCII (every cursor and secret in practice) directly, the rest through escapes. */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return escapedUtf8Bytes(text.slice(i), bytes);
    bytes.push(code);
  }
  return bytes;
}

/** Encodes text as unpadded base64url of its UTF-8 bytes. */
export function encodeBase64Url(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Decodes unpadded base64url to text; null when it is not canonical base64url of valid UTF-8. */
export function decodeBase64Url(encoded: string): string | null {
  if (!BASE64URL.test(encoded) || encoded.length % 4 === 1) return null;
  let escaped = '';
  for (let i = 0; i < encoded.length; i += 4) {
    const group = encoded.slice(i, i + 4);
    let chunk = 0;
    for (let c = 0; c < 4; c++) chunk = (chunk << 6) | (c < group.length ? ALPHABET.indexOf(group[c] ?? '') : 0);
    const byteCount = Math.floor((group.length * 6) / 8);
    // Non-zero padding bits mean a second spelling of the same bytes: not one we issued.
    if ((chunk & ((1 << (8 * (3 - byteCount))) - 1)) !== 0) return null;
    for (let b = 0; b < byteCount; b++) {
      escaped += `%${((chunk >> (16 - 8 * b)) & 255).toString(16).padStart(2, '0')}`;
    }
  }
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}
