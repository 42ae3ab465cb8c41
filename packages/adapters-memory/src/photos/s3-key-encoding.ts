/** URL-encodes an object key the way S3 writes it in event records and URLs: `/` kept, space as `+`. */
export function encodeS3Key(key: string, spaceAsPlus: boolean): string {
  const encoded = key.split('/').map(encodeURIComponent).join('/');
  return spaceAsPlus ? encoded.replace(/%20/gu, '+') : encoded;
}
