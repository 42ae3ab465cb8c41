export { HttpEntryVerifier, type HttpEntryVerifierOptions } from './http-entry-verifier.js';
export { GitHubRestEntryVerifier, type GitHubRestEntryVerifierOptions } from './github-rest-entry-verifier.js';
export { XOEmbedEntryVerifier, type XOEmbedEntryVerifierOptions } from './x-oembed-entry-verifier.js';
export type { VerifierHttpSettings } from './verifier-http-client.js';
export { DEFAULT_RATE_LIMIT_WAIT_SECONDS } from './rate-limit-wait.js';
