import type { EntryVerification, EntryVerificationRequest, EntryVerifier } from '@hdoc/domain';

/** How a MemoryEntryVerifier answers: a function of the request, or a table of url -> confidence. */
export type MemoryVerifierAnswers =
  | ((request: EntryVerificationRequest) => EntryVerification | Promise<EntryVerification>)
  | Readonly<Record<string, number>>;

/**
 * An EntryVerifier whose answers a test decides. With a table, a url not in it gets confidence 0.
 * `requests` records every call, so tests can assert what was (not) verified.
 */
export class MemoryEntryVerifier implements EntryVerifier {
  readonly requests: EntryVerificationRequest[] = [];

  constructor(private answers: MemoryVerifierAnswers = {}) {}

  /** Replaces the answers for the calls that follow. */
  answerWith(answers: MemoryVerifierAnswers): void {
    this.answers = answers;
  }

  async verify(request: EntryVerificationRequest): Promise<EntryVerification> {
    this.requests.push(request);
    if (typeof this.answers === 'function') return this.answers(request);
    const confidence = this.answers[request.entry.url] ?? 0;
    return { confidence, reason: confidence > 0 ? 'configured confidence' : 'url not known to the test verifier' };
  }
}
