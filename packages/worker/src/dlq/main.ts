/**
 * `npm run dlq -- list QUEUE` and `npm run dlq -- redrive QUEUE`: look at and replay the dead-letter
 * queue of QUEUE (a URL, a name or an ARN). Output: one JSON object per line (never a message body).
 * The SQS client reads its region, credentials and `AWS_ENDPOINT_URL` from the environment as usual.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterQueueOf, listDeadLetters, redriveDeadLetters } from './dead-letters.js';

const USAGE = 'usage: npm run dlq -- list|redrive QUEUE   (QUEUE: a queue URL, name or ARN)';

async function main(args: readonly string[]): Promise<number> {
  const [command, queue] = args;
  if ((command !== 'list' && command !== 'redrive') || queue === undefined || args.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const endpoint = process.env['AWS_ENDPOINT_URL'] || undefined;
  const client = new SQSClient(endpoint === undefined ? {} : { endpoint });
  try {
    const target = await deadLetterQueueOf(client, queue);
    const where = { queue: target.queueUrl, dead_letter_queue: target.deadLetterUrl };
    if (command === 'list') {
      const messages = await listDeadLetters(client, target);
      for (const message of messages) {
        console.log(
          JSON.stringify({ id: message.id, receive_count: message.receiveCount, first_received_at: message.firstReceivedAt, sent_at: message.sentAt, body_bytes: message.bodyBytes }),
        );
      }
      console.log(JSON.stringify({ ...where, messages: messages.length }));
      return 0;
    }
    const outcome = await redriveDeadLetters(client, target);
    console.log(JSON.stringify({ ...where, ...outcome }));
    return outcome.failed === 0 ? 0 : 1;
  } finally {
    client.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`dlq: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
