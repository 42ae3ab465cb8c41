import { parseS3EventNotification, ValidationError, type IngestStorageEvent, type StorageEvent } from '@hdoc/domain';
import { MalformedMessageError, parseJsonBody } from '../sqs/malformed-message.error.js';
import type { SqsConsumer } from '../sqs/sqs-consumer.js';

/**
 * Parses a photo-events message: an S3 event notification as S3 sends it to SQS (no SNS envelope,
 * no raw delivery wrapper). The `s3:TestEvent` S3 sends when the notification is configured yields no
 * events. A body that is not such a notification, or any record of it that is malformed, throws
 * MalformedMessageError naming the field: the whole message fails, none of its records is applied.
 */
export function parseStorageEventMessage(body: string): StorageEvent[] {
  try {
    return parseS3EventNotification(parseJsonBody(body));
  } catch (error) {
    if (error instanceof ValidationError) throw new MalformedMessageError(`S3 event notification: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * The photo-events queue's consumer: runs IngestStorageEvent for each record of the notification, in
 * order. Ingestion is idempotent and ignores stale events by sequencer, so when a later record fails
 * and the message is delivered again, the records already applied are ignored the second time.
 */
export function ingestStorageEventConsumer(ingest: Pick<IngestStorageEvent, 'execute'>): SqsConsumer<StorageEvent[]> {
  return {
    name: 'ingest-storage-event',
    parse: parseStorageEventMessage,
    handle: async (events, { log }) => {
      if (events.length === 0) log.info('notification without records (s3:TestEvent) ignored');
      for (const event of events) {
        const { outcome } = await ingest.execute({ event });
        log.info({ event: { kind: event.kind, key: event.key, sequencer: event.sequencer }, outcome }, 'storage event ingested');
      }
    },
  };
}
