import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_AWS_SETTINGS } from '@hdoc/adapters-aws/local';
import { compose, loadRuntimeConfig, type Composition } from '@hdoc/composition';
import { png } from '@hdoc/contract-tests';
import { ListPhotos, RequestPhotoUpload, type Principal } from '@hdoc/domain';
import { pino } from 'pino';

/** A photo owner on the stack's AWS adapters: opens upload intents, uploads to the bucket, lists what is catalogued. */
export interface PhotoOwner {
  /** Opens an intent and uploads a PNG to its key (moto then queues the S3 event); resolves with the photo id. */
  upload(): Promise<string>;
  /** The ids and statuses of the owner's ready photos, every page. */
  ready(): Promise<{ id: string; status: string }[]>;
  close(): Promise<void>;
}

/** Composes the API's upload and listing use cases on `env` (the worker's stack) in this process. */
export async function photoOwner(env: Readonly<Record<string, string>>): Promise<PhotoOwner> {
  // The SDK clients read their credentials from the process environment.
  process.env['AWS_ACCESS_KEY_ID'] = LOCAL_AWS_SETTINGS.credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = LOCAL_AWS_SETTINGS.credentials.secretAccessKey;
  const app: Composition = await compose({
    service: 'test-photo-owner',
    config: loadRuntimeConfig(env),
    useCases: [RequestPhotoUpload, ListPhotos],
    logger: pino({ level: 'silent' }),
  });
  const s3 = new S3Client({ ...LOCAL_AWS_SETTINGS, endpoint: env['AWS_ENDPOINT_URL'], forcePathStyle: true });
  const actor: Principal = { subject: randomUUID(), sessionId: 'test' };
  const image = png(16, 16);
  return {
    upload: async () => {
      const { photoId } = await app.resolve(RequestPhotoUpload).execute({ actor, filename: 'a.png', contentType: 'image/png', size: image.length });
      await s3.send(
        new PutObjectCommand({ Bucket: env['PHOTOS_BUCKET'], Key: `photos/${actor.subject}/${photoId}`, Body: image, ContentType: 'image/png' }),
      );
      return photoId;
    },
    ready: async () => {
      const photos: { id: string; status: string }[] = [];
      let cursor: string | null = null;
      do {
        const page = await app.resolve(ListPhotos).execute({ actor, limit: 100, cursor });
        photos.push(...page.items.map((item) => ({ id: item.id, status: item.status })));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return photos;
    },
    close: async () => {
      s3.destroy();
      await app.closers.closeAll();
    },
  };
}
