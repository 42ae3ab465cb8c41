import type { Clock } from '../../shared/clock.port.js';
import type { IdGenerator } from '../../shared/id-generator.port.js';
import type { Principal } from '../../shared/principal.js';
import type { ActionThrottle } from '../../identity/rate-limit/action-throttle.js';
import { photoObjectKey } from '../photo/photo-object-key.js';
import { validateDeclaredSize, validateFilename, validatePhotoContentType } from '../photo/photo-rules.js';
import type { PhotoSettings } from '../photo/photo-settings.js';
import type { PhotoRecord } from '../photo/photo.js';
import type { PhotoCatalog } from '../ports/photo-catalog.port.js';
import type { UploadTarget, UploadUrlSigner } from '../ports/upload-url-signer.port.js';

export interface RequestPhotoUploadInput {
  readonly actor: Principal;
  readonly filename: unknown;
  readonly contentType: unknown;
  readonly size: unknown;
}

export interface RequestPhotoUploadOutput {
  readonly photoId: string;
  readonly upload: UploadTarget;
  readonly expiresAt: Date;
}

/**
 * Opens an upload: checks the declared file, records a pending photo that lapses at `expiresAt`,
 * and returns a presigned POST that lets storage enforce the key `photos/<owner>/<photo id>`, the
 * declared type, a size of 1..declared bytes and the same expiry. The filename is display-only.
 * Each principal may open `uploadIntent` uploads per window (`RateLimitedError`).
 */
export class RequestPhotoUpload {
  constructor(
    private readonly catalog: PhotoCatalog,
    private readonly signer: UploadUrlSigner,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: PhotoSettings,
    private readonly throttle: ActionThrottle,
  ) {}

  async execute(input: RequestPhotoUploadInput): Promise<RequestPhotoUploadOutput> {
    await this.throttle.attempt('uploadIntent', input.actor.subject);
    const filename = validateFilename(input.filename);
    const contentType = validatePhotoContentType(input.contentType);
    const size = validateDeclaredSize(input.size, this.settings.maxUploadBytes);
    const photoId = this.ids.newId();
    const ownerId = input.actor.subject;
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.uploadTtlSeconds * 1000);
    const upload = await this.signer.createUploadTarget({
      key: photoObjectKey(ownerId, photoId),
      contentType,
      maxSize: size,
      expiresAt,
    });
    const intent: PhotoRecord = {
      id: photoId,
      ownerId,
      status: 'pending',
      filename,
      contentType,
      size,
      declaredSize: size,
      width: null,
      height: null,
      takenAt: null,
      uploadedAt: null,
      title: null,
      description: null,
      tags: [],
      metadata: {},
      etag: null,
      expiresAt,
      createdAt: this.clock.now(),
      rejectedAt: null,
      rejectionReason: null,
      hasThumbnail: false,
      lastSequencer: null,
      version: 1,
    };
    await this.catalog.save(intent);
    return { photoId, upload, expiresAt };
  }
}
