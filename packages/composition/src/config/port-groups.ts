import {
  EntryRepositoryToken,
  LeaderboardToken,
  OAuthStateStoreToken,
  ParticipantProgressStoreToken,
  ObjectStorageToken,
  PhotoCatalogToken,
  ProfileRepositoryToken,
  RateLimiterToken,
  SessionStoreToken,
  SignInCodeStoreToken,
  UploadUrlSignerToken,
  UserRepositoryToken,
  VerificationQueueToken,
  ViewUrlSignerToken,
} from '@hdoc/domain';

/** The groups of ports that move between families together (one store or service serves each group). */
export const PORT_GROUPS = ['challenge', 'identity', 'photos'] as const;
export type PortGroup = (typeof PORT_GROUPS)[number];

/** An adapter family: `memory` (no setup, one process) or `aws` (the production infrastructure). */
export const ADAPTER_FAMILIES = ['memory', 'aws'] as const;
export type AdapterFamily = (typeof ADAPTER_FAMILIES)[number];

/** The family serving each group. */
export type FamilyChoice = Readonly<Record<PortGroup, AdapterFamily>>;

/** The ports of each group, by token: a group's adapters are loaded when an entrypoint needs one of them. */
export const PORTS_OF_GROUP: Readonly<Record<PortGroup, readonly symbol[]>> = {
  challenge: [ProfileRepositoryToken, EntryRepositoryToken, LeaderboardToken, ParticipantProgressStoreToken, VerificationQueueToken],
  identity: [UserRepositoryToken, SessionStoreToken, RateLimiterToken, OAuthStateStoreToken, SignInCodeStoreToken],
  photos: [PhotoCatalogToken, ObjectStorageToken, UploadUrlSignerToken, ViewUrlSignerToken],
};

/** The environment variable choosing one group's family (it overrides `ADAPTERS`). */
export function groupVariable(group: PortGroup): string {
  return `ADAPTERS_${group.toUpperCase()}`;
}
