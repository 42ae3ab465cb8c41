import { createHash, createHmac } from 'node:crypto';
import type { UploadTarget } from '@hdoc/domain';

/**
 * Independent SigV4 checks for what the S3 signers produce, written from AWS's documentation rather than
 * with the SDK that signed, because no emulator verifies presigned POST policies or presigned URLs.
 */

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** The SigV4 signing key of a credential scope `<date>/<region>/<service>/aws4_request`. */
function signingKey(secretAccessKey: string, scope: string): Buffer {
  const [date, region, service] = scope.split('/');
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date!), region!), service!), 'aws4_request');
}

/** The scope part of `X-Amz-Credential` (`<access key>/<scope>`), after checking the access key. */
function scopeOf(credential: string, credentials: Credentials): string {
  const [accessKeyId, ...scope] = credential.split('/');
  if (accessKeyId !== credentials.accessKeyId) throw new Error(`signed by another access key: ${accessKeyId}`);
  return scope.join('/');
}

/** A decoded S3 POST policy document. */
export interface PostPolicyDocument {
  readonly expiration: string;
  readonly conditions: readonly (Record<string, string> | (string | number)[])[];
}

/** Checks the form's `X-Amz-Signature` over its `Policy` and answers the decoded policy; throws when unsigned or forged. */
export function verifiedPostPolicy(target: UploadTarget, credentials: Credentials): PostPolicyDocument {
  const { Policy: policy, 'X-Amz-Signature': signature, 'X-Amz-Credential': credential } = target.fields;
  if (policy === undefined || signature === undefined || credential === undefined) throw new Error('the form is not signed');
  const expected = hmac(signingKey(credentials.secretAccessKey, scopeOf(credential, credentials)), policy).toString('hex');
  if (expected !== signature) throw new Error('the policy signature does not match');
  return JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as PostPolicyDocument;
}

/** RFC 3986 encoding, as SigV4 canonical query strings require. */
const uriEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `20261130T021940Z` -> epoch ms. */
export const parseAmzDate = (value: string): number =>
  Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/u, '$1-$2-$3T$4:$5:$6Z'));

/**
 * What S3 decides for a presigned GET URL at `now`: `valid`, `expired`, or `invalid` when the signature
 * does not cover the URL as it stands (another key, another expiry, another signer). Only `host` may be signed.
 */
export function checkPresignedGetUrl(url: string, credentials: Credentials, now: Date): 'valid' | 'expired' | 'invalid' {
  const parsed = new URL(url);
  const query = [...parsed.searchParams.entries()];
  const param = (name: string): string | undefined => parsed.searchParams.get(name) ?? undefined;
  const [signature, credential, amzDate, expires] = ['X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires'].map(param);
  if (!signature || !credential || !amzDate || !expires || param('X-Amz-SignedHeaders') !== 'host') return 'invalid';
  const canonicalQuery = query
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
    .sort()
    .join('&');
  // S3 signs the path as sent (its segments already encoded once), not encoded again.
  const canonicalRequest = ['GET', parsed.pathname, canonicalQuery, `host:${parsed.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  let scope: string;
  try {
    scope = scopeOf(credential, credentials);
  } catch {
    return 'invalid';
  }
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  if (hmac(signingKey(credentials.secretAccessKey, scope), stringToSign).toString('hex') !== signature) return 'invalid';
  return now.getTime() < parseAmzDate(amzDate) + Number(expires) * 1000 ? 'valid' : 'expired';
}
