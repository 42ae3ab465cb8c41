import { expect } from 'vitest';
import type { Intent, Pipeline } from './pipeline.js';

/**
 * The pipeline's invariant once the queue is drained: for each intent, the catalogue follows what
 * storage holds now (a ready record, listed once, with its thumbnail, exactly when the object is there;
 * neither otherwise), each photo was catalogued at most once, and nothing reached the dead-letter queue.
 * Returns the intents that ended ready.
 */
export async function expectCatalogueFollowsStorage(pipeline: Pipeline, intents: readonly Intent[]): Promise<Intent[]> {
  const ready: Intent[] = [];
  for (const intent of intents) {
    const [record, stored, thumbnail] = await Promise.all([
      pipeline.record(intent),
      pipeline.exists(intent.key),
      pipeline.exists(pipeline.thumbnail(intent)),
    ]);
    expect({ key: intent.key, ready: record?.status === 'ready', thumbnail }).toEqual({ key: intent.key, ready: stored, thumbnail: stored });
    if (stored) ready.push(intent);
  }
  for (const owner of new Set(intents.map((intent) => intent.ownerId))) {
    const expected = ready.filter((intent) => intent.ownerId === owner).map((intent) => intent.photoId);
    expect((await pipeline.readyIds(owner)).sort()).toEqual(expected.sort());
  }
  for (const intent of intents) {
    const catalogued = pipeline.ingested.filter((line) => line.key === intent.key && line.outcome === 'ready');
    expect(catalogued.length, `times ${intent.key} was catalogued`).toBeLessThanOrEqual(1);
  }
  expect(await pipeline.deadLetters()).toBe(0);
  return ready;
}

/** The intents, each catalogued exactly once. */
export function expectCataloguedOnce(pipeline: Pipeline, intents: readonly Intent[]): void {
  for (const intent of intents) {
    expect(pipeline.ingested.filter((line) => line.key === intent.key && line.outcome === 'ready'), intent.key).toHaveLength(1);
  }
}
