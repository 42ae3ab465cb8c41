import { compose, loadRuntimeConfig } from '@hdoc/composition';
import {
  EntryVerifierToken,
  ImageProcessorToken,
  IngestStorageEvent,
  PasswordHasherToken,
  PhotoCatalogToken,
  SessionStoreToken,
  TokenServiceToken,
  VerifyEntry,
} from '@hdoc/domain';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { INGEST_STORAGE_EVENT, VERIFY_ENTRY } from '../../src/entrypoints/index.js';

const silent = pino({ level: 'silent' });

describe("the worker's entrypoints load only what their use cases need", () => {
  it('verify-entry: the challenge stores and the verifier; no token service (so no JWT key), no photo or session stores', async () => {
    const { container, closers } = await compose({ ...VERIFY_ENTRY, config: loadRuntimeConfig({}), logger: silent });
    expect(container.get(VerifyEntry)).toBeInstanceOf(VerifyEntry);
    expect(container.isBound(EntryVerifierToken)).toBe(true);
    for (const absent of [TokenServiceToken, SessionStoreToken, PhotoCatalogToken, IngestStorageEvent]) expect(container.isBound(absent)).toBe(false);
    await closers.closeAll();
  });

  it('ingest-storage-event: the photo adapters and image processing; no challenge stores, no token service', async () => {
    const { container, closers } = await compose({ ...INGEST_STORAGE_EVENT, config: loadRuntimeConfig({}), logger: silent });
    expect(container.get(IngestStorageEvent)).toBeInstanceOf(IngestStorageEvent);
    expect(container.isBound(ImageProcessorToken)).toBe(true);
    for (const absent of [TokenServiceToken, EntryVerifierToken, VerifyEntry]) expect(container.isBound(absent)).toBe(false);
    await closers.closeAll();
  });

  it('needs no TOKEN_SIGNING_KEY even when the one configured is broken: it never reads it', async () => {
    const config = loadRuntimeConfig({ TOKEN_SIGNING_KEY: '{"kty":"OKP","crv":"Ed25519","kid":"k","d":"not-a-key","x":"x"}' });
    const { container, closers } = await compose({ ...VERIFY_ENTRY, config, logger: silent });
    expect(container.isBound(PasswordHasherToken)).toBe(true);
    expect(container.isBound(TokenServiceToken)).toBe(false);
    await closers.closeAll();
  });
});
