import { ShapeCheckingEntryVerifier } from '@hdoc/adapters-memory';
import { HttpEntryVerifier } from '@hdoc/adapters-node';
import type { Clock, EntryVerifier } from '@hdoc/domain';
import type { RuntimeConfig } from '../config/runtime-config.js';

/**
 * The EntryVerifier of a configuration: the real GitHub and X verifiers (`ENTRY_VERIFIER=http`, the
 * default on aws), or the offline shape check of the local run (`shape`, the default on memory).
 */
export function entryVerifierOf(config: Pick<RuntimeConfig, 'verification' | 'github'>, clock: Clock): EntryVerifier {
  const { verifier, githubApiToken, xOEmbedBaseUrl, timeoutMs, maxAttempts } = config.verification;
  if (verifier === 'shape') return new ShapeCheckingEntryVerifier();
  return new HttpEntryVerifier({
    clock,
    githubApiBaseUrl: config.github.apiBaseUrl,
    ...(githubApiToken === undefined ? {} : { githubToken: githubApiToken }),
    xOEmbedBaseUrl,
    timeoutMs,
    maxAttempts,
  });
}
