import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '@hdoc/domain';
import { backoff } from './batch.js';

/** Sends of one conditional write while it keeps meeting other transactions (or throttling inside one). */
const COMMIT_ATTEMPTS = 6;

/** Why DynamoDB cancelled a transaction, per action, when it may pass if sent again (the SDK does not resend these). */
const RETRYABLE_CANCELLATIONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/** A refused conditional write: its condition failed (stale), it may pass if sent again (retry), or anything else. */
function failureOf(error: unknown): 'stale' | 'retry' | 'unexpected' {
  if (error instanceof ConditionalCheckFailedException) return 'stale';
  if (error instanceof TransactionConflictException) return 'retry';
  if (!(error instanceof TransactionCanceledException)) return 'unexpected';
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  if (codes.includes('ConditionalCheckFailed')) return 'stale';
  return codes.some((code) => RETRYABLE_CANCELLATIONS.has(code)) ? 'retry' : 'unexpected';
}

/**
 * Sends a conditional PutItem or TransactWriteItems (a fresh command per try): a failed condition is
 * a StaleWriteError naming `what`. A write that met another transaction on its items (or throttling
 * inside one) changed nothing and is sent again after a jittered pause, so of two racing writers
 * exactly one wins rather than both giving up; after 6 tries it is a StaleWriteError too.
 */
export async function commitConditional(
  client: DynamoDBDocumentClient,
  command: () => PutCommand | TransactWriteCommand,
  what: string,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // The union is not callable as one overload; both members are commands of this client.
      await client.send(command() as PutCommand);
      return;
    } catch (error) {
      const failure = failureOf(error);
      if (failure === 'unexpected') throw error;
      if (failure === 'stale' || attempt === COMMIT_ATTEMPTS) throw new StaleWriteError(what);
      await backoff(attempt);
    }
  }
}
