import { IngestStorageEvent, SweepTimeTransitions, VerifyEntry, type StorageEvent, type VerificationJob } from '@hdoc/domain';
import { ingestStorageEventConsumer } from '../consumers/ingest-storage-event.consumer.js';
import { verifyEntryConsumer } from '../consumers/verify-entry.consumer.js';
import type { ConsumerEntrypoint } from './consumer-entrypoint.js';

export type { ConsumerEntrypoint } from './consumer-entrypoint.js';

/** The verification queue's consumer: VerifyEntry (and RecordVerification behind it), no token keys, no photo adapters. */
export const VERIFY_ENTRY: ConsumerEntrypoint<VerificationJob> = {
  service: 'hdoc-verify-entry',
  useCases: [VerifyEntry],
  consumer: (resolve) => verifyEntryConsumer(resolve(VerifyEntry)),
};

/** The photo-events queue's consumer: IngestStorageEvent, with the photo adapters and image processing only. */
export const INGEST_STORAGE_EVENT: ConsumerEntrypoint<StorageEvent[]> = {
  service: 'hdoc-ingest-storage-event',
  useCases: [IngestStorageEvent],
  consumer: (resolve) => ingestStorageEventConsumer(resolve(IngestStorageEvent)),
};

/** The scheduled sweep of the challenge's time transitions (a schedule's Lambda, or a timer in a long-running worker). */
export const SWEEP = { service: 'hdoc-sweep', useCases: [SweepTimeTransitions] } as const;

/** Every use case the worker runs: what a host composing the API and the worker in one process adds. */
export const WORKER_USE_CASES = [...VERIFY_ENTRY.useCases, ...INGEST_STORAGE_EVENT.useCases, ...SWEEP.useCases];
