import { S3ServiceException } from '@aws-sdk/client-s3';

/**
 * True when S3 answered that the key (or, for HEAD, anything at it) does not exist. HEAD has no body, so
 * the SDK names its 404 `NotFound`; GET names it `NoSuchKey`.
 */
export function isMissingObject(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}
