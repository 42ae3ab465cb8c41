import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { enqueueDelaySeconds, type EnqueueOptions, type VerificationJob, type VerificationQueue } from '@hdoc/domain';

/** Where {@link SqsVerificationQueue} sends jobs. */
export interface SqsVerificationQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
}

/**
 * VerificationQueue on an SQS standard queue. The message body is the job as JSON, exactly what the
 * worker's `parseVerificationJob` reads: the four fields and nothing else, since the worker refuses
 * unknown fields and a caller's object may carry more. A delay becomes the message's DelaySeconds (the
 * queue's own default delay applies without one). Resolves once SQS has accepted the message.
 */
export class SqsVerificationQueue implements VerificationQueue {
  constructor(private readonly options: SqsVerificationQueueOptions) {}

  async enqueue(job: VerificationJob, options?: EnqueueOptions): Promise<void> {
    const { githubUsername, day, entryType, url } = job;
    const delaySeconds = enqueueDelaySeconds(options);
    await this.options.client.send(
      new SendMessageCommand({
        QueueUrl: this.options.queueUrl,
        MessageBody: JSON.stringify({ githubUsername, day, entryType, url }),
        ...(delaySeconds > 0 ? { DelaySeconds: delaySeconds } : {}),
      }),
    );
  }
}
