import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '@hdoc/domain';

/** Why DynamoDB cancels a transaction when another writer got there first (`None`: the actions that were fine). */
const LOST_RACE_REASONS = new Set(['ConditionalCheckFailed', 'TransactionConflict', 'None']);

/** Whether `error` says a condition failed or a concurrent transaction held an item: a lost race, not a fault. */
function isLostRace(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException || error instanceof TransactionConflictException) return true;
  if (!(error instanceof TransactionCanceledException)) return false;
  return (error.CancellationReasons ?? []).every((reason) => LOST_RACE_REASONS.has(reason.Code ?? 'None'));
}

/**
 * Sends a conditional PutItem or TransactWriteItems. A lost race (a failed condition, or an item
 * another transaction held) throws StaleWriteError naming `what`, so the caller re-reads and retries;
 * DynamoDB then wrote nothing. Any other failure is thrown as the SDK raised it.
 */
export async function sendConditional(
  client: DynamoDBDocumentClient,
  command: PutCommand | TransactWriteCommand,
  what: string,
): Promise<void> {
  try {
    // The union is not callable as one overload; both members are commands of this client.
    await client.send(command as PutCommand);
  } catch (error) {
    if (isLostRace(error)) throw new StaleWriteError(what);
    throw error;
  }
}

/** Sends a conditional write: true when it was applied, false when its condition failed (a lost race). */
export async function tryConditional(client: DynamoDBDocumentClient, command: PutCommand): Promise<boolean> {
  try {
    await client.send(command);
    return true;
  } catch (error) {
    if (isLostRace(error)) return false;
    throw error;
  }
}
