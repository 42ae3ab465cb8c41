import type { Clock, StoredObjectFacts, UploadTarget, UploadTargetRequest, UploadUrlSigner } from '@hdoc/domain';
import { HmacSigner } from './hmac-signer.js';
import type { MemoryObjectStorage } from './memory-object-storage.js';
import { UploadRejectedError } from './upload-rejected-error.js';
import { resolveLocalBaseUrl, type LocalBaseUrl } from './local-base-url.js';

export interface MemoryUploadUrlSignerOptions {
  /** Server secret for the HMAC; at least 16 characters. */
  readonly secret: string | Uint8Array;
  /** Where the local server listens, e.g. http://127.0.0.1:3000. */
  readonly baseUrl: LocalBaseUrl;
  readonly clock: Clock;
  readonly storage: MemoryObjectStorage;
}

/** The form fields of a local upload target (the HTTP layer reads `maxSize` to bound what it buffers). */
export const LOCAL_UPLOAD_FIELD = {
  key: 'key',
  contentType: 'Content-Type',
  expires: 'x-hdoc-expires',
  maxSize: 'x-hdoc-max-size',
  signature: 'x-hdoc-signature',
} as const;

/** A file posted to the local upload endpoint. */
export interface LocalUploadForm {
  readonly fields: Readonly<Record<string, string>>;
  /** `contentType` is the file part's own type; when present it must equal the signed Content-Type. */
  readonly file: { readonly bytes: Uint8Array; readonly contentType?: string };
}

/**
 * Presigned uploads for the local run, enforced like an S3 POST policy: the target posts to
 * `<baseUrl>/local-uploads` with the exact key, Content-Type, expiry (epoch seconds) and maximum size
 * as form fields, HMAC-signed with the server secret. {@link acceptUpload} is what the local
 * endpoint calls: it refuses a tampered field, a lapsed target or a body outside 1..max bytes, then
 * stores the object, which raises the `ObjectCreated:Post` notification.
 */
export class MemoryUploadUrlSigner implements UploadUrlSigner {
  private readonly hmac: HmacSigner;

  constructor(private readonly options: MemoryUploadUrlSignerOptions) {
    this.hmac = new HmacSigner(options.secret, 'hdoc-local-upload');
  }

  async createUploadTarget(request: UploadTargetRequest): Promise<UploadTarget> {
    const signed = [
      request.key,
      request.contentType,
      String(Math.floor(request.expiresAt.getTime() / 1000)),
      String(request.maxSize),
    ];
    return {
      url: `${resolveLocalBaseUrl(this.options.baseUrl)}/local-uploads`,
      fields: {
        [LOCAL_UPLOAD_FIELD.key]: signed[0]!,
        [LOCAL_UPLOAD_FIELD.contentType]: signed[1]!,
        [LOCAL_UPLOAD_FIELD.expires]: signed[2]!,
        [LOCAL_UPLOAD_FIELD.maxSize]: signed[3]!,
        [LOCAL_UPLOAD_FIELD.signature]: this.hmac.sign(signed),
      },
    };
  }

  /**
   * Checks the signed fields of a form and the file part's own type, before any file byte is read:
   * the local endpoint calls it as the file part starts, so a forged or lapsed form is refused without
   * buffering the file. Answers what the policy allows; throws UploadRejectedError otherwise.
   */
  verifyFields(
    fields: Readonly<Record<string, string>>,
    fileContentType?: string,
  ): { readonly key: string; readonly contentType: string; readonly maxSize: number } {
    const key = fields[LOCAL_UPLOAD_FIELD.key];
    const contentType = fields[LOCAL_UPLOAD_FIELD.contentType];
    const expires = fields[LOCAL_UPLOAD_FIELD.expires];
    const maxSize = fields[LOCAL_UPLOAD_FIELD.maxSize];
    const signature = fields[LOCAL_UPLOAD_FIELD.signature];
    if (!key || !contentType || !expires || !maxSize || !signature) {
      throw new UploadRejectedError('malformed', 'the form lacks one of the signed fields');
    }
    if (!this.hmac.verify([key, contentType, expires, maxSize], signature)) {
      throw new UploadRejectedError('signature', 'the form fields do not match their signature');
    }
    if (this.options.clock.now().getTime() >= Number(expires) * 1000) {
      throw new UploadRejectedError('expired', 'the upload target has expired');
    }
    if (fileContentType && fileContentType !== contentType) {
      throw new UploadRejectedError('content_type', `the file must be ${contentType}`);
    }
    return { key, contentType, maxSize: Number(maxSize) };
  }

  /** Verifies and stores a posted file; throws UploadRejectedError and stores nothing when refused. */
  async acceptUpload(form: LocalUploadForm): Promise<{ key: string } & StoredObjectFacts> {
    const { fields, file } = form;
    const { key, contentType, maxSize } = this.verifyFields(fields, file.contentType);
    if (file.bytes.byteLength < 1 || file.bytes.byteLength > maxSize) {
      throw new UploadRejectedError('size', `the file must be 1 to ${maxSize} bytes`);
    }
    const facts = await this.options.storage.put(key, file.bytes, contentType, 'ObjectCreated:Post');
    return { key, ...facts };
  }
}
