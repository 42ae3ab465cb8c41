import {
  ClockToken,
  IdGeneratorToken,
} from '../shared/index.js';
import {
  EntryRepositoryToken,
  EntryVerifierToken,
  GetLeaderboardPage,
  GetLeaderboardPosition,
  GetProfile,
  GetMyProfile,
  LeaderboardToken,
  ListEntries,
  ParticipantProgressStoreToken,
  ProfileRepositoryToken,
  RecordVerification,
  RegisterProfile,
  SubmitEntry,
  SweepTimeTransitions,
  UpdateProfile,
  VerificationQueueToken,
  VerifyEntry,
} from '../challenge/index.js';
import {
  ActionLimitsToken,
  ActionThrottle,
  Authenticate,
  CompleteGitHubLogin,
  ExchangeSignInCode,
  GetCurrentUser,
  GitHubOAuthToken,
  LogIn,
  LogOut,
  LogOutEverywhere,
  LogOutWithRefreshToken,
  OAuthStateStoreToken,
  SignInCodeStoreToken,
  PasswordHasherToken,
  RateLimiterToken,
  RefreshSession,
  SecretGeneratorToken,
  SessionIssuer,
  SessionPolicyToken,
  SessionStoreToken,
  SignUp,
  StartGitHubLogin,
  TokenServiceToken,
  UserRepositoryToken,
  WhoAmI,
} from '../identity/index.js';
import {
  DeletePhoto,
  GetPhoto,
  ImageInspectorToken,
  ImageProcessorToken,
  IngestStorageEvent,
  ListPhotos,
  ObjectStorageToken,
  PhotoCatalogToken,
  PhotoSettingsToken,
  PhotoViewUrls,
  RequestPhotoUpload,
  UpdatePhotoDetails,
  UploadUrlSignerToken,
  ViewUrlSignerToken,
} from '../photos/index.js';
import { wire, type UseCaseWiring } from './wire.js';

/** The challenge use cases and what each is built from. */
export const CHALLENGE_USE_CASES: readonly UseCaseWiring[] = [
  wire(RegisterProfile, [ProfileRepositoryToken, EntryRepositoryToken, LeaderboardToken, ParticipantProgressStoreToken, ClockToken]),
  wire(UpdateProfile, [ParticipantProgressStoreToken, LeaderboardToken, ClockToken]),
  wire(GetProfile, [ProfileRepositoryToken, ClockToken]),
  wire(GetMyProfile, [ProfileRepositoryToken, ClockToken]),
  wire(SubmitEntry, [ParticipantProgressStoreToken, LeaderboardToken, VerificationQueueToken, ClockToken, ActionLimitsToken]),
  wire(ListEntries, [ProfileRepositoryToken, EntryRepositoryToken]),
  wire(RecordVerification, [ParticipantProgressStoreToken, LeaderboardToken, ClockToken]),
  wire(VerifyEntry, [EntryRepositoryToken, ProfileRepositoryToken, EntryVerifierToken, RecordVerification, VerificationQueueToken]),
  wire(GetLeaderboardPage, [LeaderboardToken]),
  wire(GetLeaderboardPosition, [LeaderboardToken]),
  wire(SweepTimeTransitions, [ProfileRepositoryToken, EntryRepositoryToken, LeaderboardToken, VerificationQueueToken, ClockToken]),
];

/** The identity use cases and what each is built from. */
export const IDENTITY_USE_CASES: readonly UseCaseWiring[] = [
  wire(SessionIssuer, [SessionStoreToken, TokenServiceToken, SecretGeneratorToken, IdGeneratorToken, ClockToken, SessionPolicyToken]),
  wire(ActionThrottle, [RateLimiterToken, ActionLimitsToken]),
  wire(SignUp, [UserRepositoryToken, PasswordHasherToken, IdGeneratorToken, ClockToken, ActionThrottle]),
  wire(LogIn, [UserRepositoryToken, PasswordHasherToken, RateLimiterToken, SessionIssuer]),
  wire(RefreshSession, [SessionIssuer]),
  wire(LogOut, [SessionStoreToken]),
  wire(LogOutWithRefreshToken, [SessionStoreToken, SecretGeneratorToken]),
  wire(LogOutEverywhere, [SessionStoreToken]),
  wire(Authenticate, [TokenServiceToken, SessionStoreToken]),
  wire(GetCurrentUser, [UserRepositoryToken]),
  wire(WhoAmI, [UserRepositoryToken]),
  wire(StartGitHubLogin, [GitHubOAuthToken, OAuthStateStoreToken, SecretGeneratorToken, ClockToken, RateLimiterToken]),
  wire(CompleteGitHubLogin, [
    OAuthStateStoreToken,
    GitHubOAuthToken,
    RegisterProfile,
    SessionIssuer,
    SessionStoreToken,
    SignInCodeStoreToken,
    SecretGeneratorToken,
    ClockToken,
  ]),
  wire(ExchangeSignInCode, [SignInCodeStoreToken, SecretGeneratorToken, SessionIssuer]),
];

/** The photos use cases and what each is built from. */
export const PHOTO_USE_CASES: readonly UseCaseWiring[] = [
  wire(RequestPhotoUpload, [PhotoCatalogToken, UploadUrlSignerToken, ClockToken, IdGeneratorToken, PhotoSettingsToken, ActionThrottle]),
  wire(IngestStorageEvent, [PhotoCatalogToken, ObjectStorageToken, ImageInspectorToken, ImageProcessorToken, ClockToken]),
  wire(PhotoViewUrls, [ViewUrlSignerToken, ClockToken, PhotoSettingsToken]),
  wire(ListPhotos, [PhotoCatalogToken, PhotoViewUrls, ClockToken]),
  wire(GetPhoto, [PhotoCatalogToken, PhotoViewUrls, ClockToken]),
  wire(UpdatePhotoDetails, [PhotoCatalogToken, PhotoViewUrls, ClockToken]),
  wire(DeletePhoto, [PhotoCatalogToken, ObjectStorageToken, ClockToken]),
];

/** Every use case of the library: what an app binds to run any of them. */
export const ALL_USE_CASES: readonly UseCaseWiring[] = [...CHALLENGE_USE_CASES, ...IDENTITY_USE_CASES, ...PHOTO_USE_CASES];
