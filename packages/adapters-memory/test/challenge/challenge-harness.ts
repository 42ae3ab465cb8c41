import type fc from 'fast-check';
import {
  DEFAULT_ACTION_LIMITS,
  GetProfile,
  ListEntries,
  RecordVerification,
  RegisterProfile,
  SubmitEntry,
  SweepTimeTransitions,
  UpdateProfile,
  VerifyEntry,
  type EntryRepository,
  type EntryVerifier,
  type Leaderboard,
  type ParticipantProgressStore,
  type ProfileRepository,
  type VerificationQueue,
} from '@hdoc/domain';
import {
  ManualClock,
  MemoryEntryRepository,
  MemoryEntryVerifier,
  MemoryLeaderboard,
  MemoryParticipantProgressStore,
  MemoryProfileRepository,
  MemoryVerificationQueue,
} from '../../src/index.js';

/** Every port call becomes a point where fast-check's scheduler may let another task run first. */
export function scheduled<T extends object>(s: fc.Scheduler, inner: T): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? s.scheduleFunction((...args: unknown[]) => value.apply(target, args)) : value;
    },
  });
}

/** Lets a test put something between the use cases and the memory adapters (a scheduler, a fault). */
export interface PortWrappers {
  profiles?: (inner: ProfileRepository) => ProfileRepository;
  entries?: (inner: EntryRepository) => EntryRepository;
  leaderboard?: (inner: Leaderboard) => Leaderboard;
  progress?: (inner: ParticipantProgressStore) => ParticipantProgressStore;
  queue?: (inner: VerificationQueue) => VerificationQueue;
}

/** The challenge wired on memory adapters, as the local run wires it, with the test controls exposed. */
export function challengeHarness(options: { start?: string; verifier?: EntryVerifier; wrap?: PortWrappers } = {}) {
  const clock = new ManualClock(options.start ?? '2026-03-01T12:00:00.000Z');
  const stores = {
    profiles: new MemoryProfileRepository(),
    entries: new MemoryEntryRepository(),
    leaderboard: new MemoryLeaderboard(),
    queue: new MemoryVerificationQueue(),
  };
  const wrap = options.wrap ?? {};
  const profiles = wrap.profiles?.(stores.profiles) ?? stores.profiles;
  const entries = wrap.entries?.(stores.entries) ?? stores.entries;
  const leaderboard = wrap.leaderboard?.(stores.leaderboard) ?? stores.leaderboard;
  const queue = wrap.queue?.(stores.queue) ?? stores.queue;
  // Built on the stores themselves: its writes check and apply with no await between (see the class), and
  // a write moves the board in the same step (fast-check's scheduler cannot release a call made inside a
  // scheduled call, so a wrapped board here would stall every scheduled write).
  const progressStore = new MemoryParticipantProgressStore(stores.profiles, stores.entries, stores.leaderboard);
  const progress = wrap.progress?.(progressStore) ?? progressStore;
  const verifier = options.verifier ?? new MemoryEntryVerifier();
  const recordVerification = new RecordVerification(progress, leaderboard, clock);
  const verifyEntry = new VerifyEntry(entries, profiles, verifier, recordVerification, queue);
  return {
    clock,
    ...stores,
    verifier,
    register: new RegisterProfile(profiles, entries, leaderboard, progress, clock),
    update: new UpdateProfile(progress, leaderboard, clock),
    submit: new SubmitEntry(progress, leaderboard, queue, clock, DEFAULT_ACTION_LIMITS),
    recordVerification,
    verifyEntry,
    getProfile: new GetProfile(profiles, clock),
    sweep: new SweepTimeTransitions(profiles, entries, leaderboard, queue, clock),
    listEntries: new ListEntries(profiles, entries),
    /** The in-process worker: consumes the verification queue with VerifyEntry. */
    startWorker(): void {
      stores.queue.subscribe(async (job) => {
        await verifyEntry.execute(job);
      });
    },
    /** The participant's standing as the board holds it. */
    async standing(githubUsername: string) {
      return (await stores.leaderboard.position(githubUsername, 0))?.row ?? null;
    },
  };
}

export type ChallengeHarness = ReturnType<typeof challengeHarness>;

/** The principal of a participant signed in with GitHub. */
export const participant = (login: string) => ({ subject: `github:${login}`, sessionId: `session-of-${login}` });
