import {
  EntryRepositoryToken,
  LeaderboardToken,
  ParticipantProgressStoreToken,
  OAuthStateStoreToken,
  SignInCodeStoreToken,
  ObjectStorageToken,
  PHOTO_OBJECT_PREFIX,
  PhotoCatalogToken,
  ProfileRepositoryToken,
  RateLimiterToken,
  SessionStoreToken,
  UploadUrlSignerToken,
  UserRepositoryToken,
  VerificationQueueToken,
  ViewUrlSignerToken,
  token,
  type Clock,
} from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import { MemoryEntryRepository } from '../challenge/entry/memory-entry-repository.js';
import { MemoryLeaderboard } from '../challenge/leaderboard/memory-leaderboard.js';
import { MemoryProfileRepository } from '../challenge/profile/memory-profile-repository.js';
import { MemoryParticipantProgressStore } from '../challenge/progress/memory-participant-progress-store.js';
import { MemoryVerificationQueue } from '../challenge/verification/memory-verification-queue.js';
import { MemoryOAuthStateStore } from '../identity/memory-oauth-state-store.js';
import { MemorySignInCodeStore } from '../identity/memory-sign-in-code-store.js';
import { MemoryRateLimiter } from '../identity/memory-rate-limiter.js';
import { MemorySessionStore } from '../identity/memory-session-store.js';
import { MemoryUserRepository } from '../identity/memory-user-repository.js';
import { MemoryObjectStorage } from '../photos/memory-object-storage.js';
import { MemoryPhotoCatalog } from '../photos/memory-photo-catalog.js';
import { MemoryStorageEventQueue } from '../photos/memory-storage-event-queue.js';
import { MemoryUploadUrlSigner } from '../photos/memory-upload-url-signer.js';
import { MemoryViewUrlSigner } from '../photos/memory-view-url-signer.js';
import type { LocalBaseUrl } from '../photos/local-base-url.js';
import { SystemClock } from '../shared/system-clock.js';

/** What the memory family needs from its host. */
export interface MemoryAdaptersOptions {
  /** Where the local server listens: the memory upload and view URLs point there. */
  readonly publicBaseUrl: LocalBaseUrl;
  /** HMAC secret of the local upload and view URLs (>= 16 characters; random per process is fine). */
  readonly signingSecret: string;
  /** Defaults to the system clock; tests pass a ManualClock. */
  readonly clock?: Clock;
  /**
   * The port groups to bind (default all). A host that serves a group from another family (say the
   * identity stores on PostgreSQL and Redis) leaves it out.
   */
  readonly groups?: readonly MemoryPortGroup[];
}

/** The memory family's port groups: the same groups the composition chooses a family for. */
export type MemoryPortGroup = 'challenge' | 'identity' | 'photos';

const ALL_GROUPS: readonly MemoryPortGroup[] = ['challenge', 'identity', 'photos'];

/** The concrete memory queues and storage, for the in-process worker and the local upload/view routes. */
export const MemoryVerificationQueueToken = token<MemoryVerificationQueue>('memory.VerificationQueue');
export const MemoryStorageEventQueueToken = token<MemoryStorageEventQueue>('memory.StorageEventQueue');
export const MemoryObjectStorageToken = token<MemoryObjectStorage>('memory.ObjectStorage');
export const MemoryUploadUrlSignerToken = token<MemoryUploadUrlSigner>('memory.UploadUrlSigner');
export const MemoryViewUrlSignerToken = token<MemoryViewUrlSigner>('memory.ViewUrlSigner');

/**
 * Binds every port of the chosen groups that has a memory adapter (all but the Node-only ones:
 * hashing, tokens, ids, secrets, image inspection, GitHub OAuth) to one shared instance each. The
 * Clock and the EntryVerifier are the host's to bind (every family uses them); the adapters here are built on `options.clock`.
 * The concrete queues and storage are bound under their own tokens too (the in-process worker and
 * the local upload and view routes use them).
 */
export function memoryAdaptersModule(options: MemoryAdaptersOptions): ContainerModule {
  const groups = new Set(options.groups ?? ALL_GROUPS);
  return new ContainerModule(({ bind }) => {
    const clock = options.clock ?? new SystemClock();
    if (groups.has('challenge')) {
      const verificationQueue = new MemoryVerificationQueue();
      const [profiles, entries, leaderboard] = [new MemoryProfileRepository(), new MemoryEntryRepository(), new MemoryLeaderboard()];
      bind(ProfileRepositoryToken).toConstantValue(profiles);
      bind(EntryRepositoryToken).toConstantValue(entries);
      bind(LeaderboardToken).toConstantValue(leaderboard);
      bind(ParticipantProgressStoreToken).toConstantValue(new MemoryParticipantProgressStore(profiles, entries, leaderboard));
      bind(VerificationQueueToken).toConstantValue(verificationQueue);
      bind(MemoryVerificationQueueToken).toConstantValue(verificationQueue);
    }
    if (groups.has('identity')) {
      bind(UserRepositoryToken).toConstantValue(new MemoryUserRepository());
      bind(SessionStoreToken).toConstantValue(new MemorySessionStore(clock));
      bind(RateLimiterToken).toConstantValue(new MemoryRateLimiter(clock));
      bind(OAuthStateStoreToken).toConstantValue(new MemoryOAuthStateStore(clock));
      bind(SignInCodeStoreToken).toConstantValue(new MemorySignInCodeStore(clock));
    }
    if (groups.has('photos')) {
      const storageEvents = new MemoryStorageEventQueue();
      const storage = new MemoryObjectStorage({ clock, events: storageEvents, notifyPrefix: PHOTO_OBJECT_PREFIX });
      const uploadSigner = new MemoryUploadUrlSigner({ secret: options.signingSecret, baseUrl: options.publicBaseUrl, clock, storage });
      const viewSigner = new MemoryViewUrlSigner({ secret: options.signingSecret, baseUrl: options.publicBaseUrl, clock });
      bind(PhotoCatalogToken).toConstantValue(new MemoryPhotoCatalog());
      bind(ObjectStorageToken).toConstantValue(storage);
      bind(MemoryObjectStorageToken).toConstantValue(storage);
      bind(MemoryStorageEventQueueToken).toConstantValue(storageEvents);
      bind(UploadUrlSignerToken).toConstantValue(uploadSigner);
      bind(MemoryUploadUrlSignerToken).toConstantValue(uploadSigner);
      bind(ViewUrlSignerToken).toConstantValue(viewSigner);
      bind(MemoryViewUrlSignerToken).toConstantValue(viewSigner);
    }
  });
}
