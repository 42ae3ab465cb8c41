import type { Clock, EntryType, EntryVerification, EntryVerificationRequest, EntryVerifier } from '@hdoc/domain';
import { GitHubRestEntryVerifier } from './github-rest-entry-verifier.js';
import type { VerifierHttpSettings } from './verifier-http-client.js';
import { XOEmbedEntryVerifier } from './x-oembed-entry-verifier.js';

/** The real verifiers' configuration: base URLs, the GitHub token, and the HTTP settings both use. */
export interface HttpEntryVerifierOptions extends VerifierHttpSettings {
  readonly clock: Clock;
  readonly githubApiBaseUrl?: string;
  /** Secret: never logged. */
  readonly githubToken?: string;
  readonly xOEmbedBaseUrl?: string;
}

/**
 * The EntryVerifier of production: each entry goes to the verifier of its type, GitHub's REST API for
 * `github` entries and X's oEmbed for `twitter` ones.
 */
export class HttpEntryVerifier implements EntryVerifier {
  private readonly byType: Readonly<Record<EntryType, EntryVerifier>>;

  constructor(options: HttpEntryVerifierOptions) {
    const { githubApiBaseUrl, githubToken, xOEmbedBaseUrl, ...settings } = options;
    this.byType = {
      github: new GitHubRestEntryVerifier({ ...settings, apiBaseUrl: githubApiBaseUrl, token: githubToken }),
      twitter: new XOEmbedEntryVerifier({ ...settings, baseUrl: xOEmbedBaseUrl }),
    };
  }

  verify(request: EntryVerificationRequest): Promise<EntryVerification> {
    return this.byType[request.entry.entryType].verify(request);
  }
}
