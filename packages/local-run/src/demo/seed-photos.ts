import { MemoryUploadUrlSignerToken } from '@hdoc/adapters-memory';
import { RequestPhotoUpload, SignUp, UpdatePhotoDetails, type Principal } from '@hdoc/domain';
import type { InProcessWorker } from '@hdoc/worker';
import type { Resolve } from '@hdoc/composition';
import type { DemoPhoto } from './demo-photos.js';
import { encodePng } from './png.js';

/** The demo photo user's sign-in. */
export interface DemoCredentials {
  readonly username: string;
  readonly password: string;
}

/** What the photo seeder needs from the composed app. */
export interface PhotoSeeding {
  readonly resolve: Resolve;
  readonly worker: InProcessWorker;
}

/**
 * Signs the demo user up and uploads each photo the way a client does, minus HTTP: an upload intent,
 * then the posted file checked against the signed form and stored (what `POST /local-uploads` does,
 * which raises the storage event), ingestion by the in-process worker, then the owner's title, tags and
 * metadata. Returns how many photos ended `ready`.
 */
export async function seedPhotos(photos: readonly DemoPhoto[], credentials: DemoCredentials, seeding: PhotoSeeding): Promise<number> {
  const { resolve, worker } = seeding;
  const user = await resolve(SignUp).execute({ ...credentials, clientAddress: 'demo-seeder' });
  // Acts as the user without opening a session, so no token of theirs exists besides the ones they ask for.
  const actor: Principal = { subject: user.id, sessionId: 'demo-seeder' };
  const requestUpload = resolve(RequestPhotoUpload);
  const uploads = resolve(MemoryUploadUrlSignerToken);
  const uploaded: { readonly photoId: string; readonly photo: DemoPhoto }[] = [];
  for (const photo of photos) {
    const bytes = encodePng(photo.width, photo.height, photo.pixel);
    const intent = await requestUpload.execute({ actor, filename: photo.filename, contentType: 'image/png', size: bytes.byteLength });
    await uploads.acceptUpload({ fields: intent.upload.fields, file: { bytes, contentType: 'image/png' } });
    uploaded.push({ photoId: intent.photoId, photo });
  }
  await worker.drained();
  const updateDetails = resolve(UpdatePhotoDetails);
  let ready = 0;
  for (const { photoId, photo } of uploaded) {
    const { status } = await updateDetails.execute({
      actor,
      photoId,
      title: photo.title,
      description: photo.description,
      tags: [...photo.tags],
      metadata: { ...photo.metadata },
    });
    if (status === 'ready') ready += 1;
  }
  return ready;
}
