/**
 * A message that can never be processed as it is (not JSON, wrong shape). It fails its record like
 * any other error, so after the queue's maxReceiveCount it lands in the dead-letter queue, where it
 * can be inspected: nothing is silently dropped.
 */
export class MalformedMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedMessageError';
  }
}

/** `JSON.parse` that fails with {@link MalformedMessageError}. */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new MalformedMessageError('message body is not JSON', { cause: error });
  }
}
