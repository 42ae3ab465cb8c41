import { randomUUID } from 'node:crypto';
import { ProvisionedThroughputExceededException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StoreInstrumentation } from '@hdoc/adapters-aws';
import { describe, expect, it } from 'vitest';
import { expectCataloguedOnce, expectCatalogueFollowsStorage } from './catalogue.js';
import { usePipeline } from './pipeline.js';

/** A seeded generator (mulberry32), so a failing run throttles the same attempts again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * DynamoDB refusing a share of the requests as DynamoDB does under load: a middleware below the SDK's
 * retry step answers ProvisionedThroughputExceededException instead of sending the attempt, so the SDK's
 * own retries (and, once they are spent, the queue's redelivery) have to carry the event through.
 */
class Throttling {
  share = 0;
  readonly refused: string[] = [];
  private readonly random = seeded(12);

  readonly instrumentation: StoreInstrumentation = {
    onAwsClient: (client) => {
      if (client.config.serviceId !== 'DynamoDB') return;
      (client as DynamoDBClient).middlewareStack.add(
        (next, context) => async (args) => {
          if (this.random() < this.share) {
            this.refused.push(String(context['commandName']));
            throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput (injected)', $metadata: {} });
          }
          return next(args);
        },
        { step: 'deserialize', name: 'injectedThrottling' },
      );
    },
  };
}

const throttling = new Throttling();
// A failed message comes back after 2 s instead of the queue's 360 s.
const pipeline = usePipeline({ instrumentation: throttling.instrumentation, visibilityTimeoutSeconds: 2 });

describe('the photo pipeline with DynamoDB throttling a third of the requests', () => {
  it('retries: every upload is catalogued exactly once, nothing lost, nothing duplicated, nothing dead-lettered', async () => {
    const owners = [randomUUID(), randomUUID()];
    const photos = await Promise.all(Array.from({ length: 12 }, (_, index) => pipeline().intent(owners[index % owners.length])));
    throttling.share = 1 / 3;
    await Promise.all(
      photos.map(async (photo) => {
        await pipeline().upload(photo.key);
        await pipeline().deliver([{ kind: 'created', key: photo.key, size: 100 }]);
      }),
    );
    await pipeline().drained();
    throttling.share = 0;

    expect(throttling.refused.length).toBeGreaterThan(photos.length / 2);
    expect(await expectCatalogueFollowsStorage(pipeline(), photos)).toEqual(photos);
    expectCataloguedOnce(pipeline(), photos);
    // The SDK's backoff for throttling starts at 500 ms, and a spent retry waits for the queue's redelivery.
  }, 60_000);
});
