import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CallCounter, connectRedis, createS3Client, openAwsIdentityStores, openAwsPhotoStores } from '../../src/index.js';
import { dynamoDbLocalClient, provisionTestTables } from '../support/dynamodb-clients.js';
import { motoClientConfig } from '../support/moto-clients.js';
import { SHARED_REDIS_URL } from '../redis/redis-test-support.js';
import { TEST_DATABASE_URL } from '../postgres/test-schema.js';

// The counting behind `npm run bench -- aws-calls`: what one adapter call costs must count exactly.
const dynamoDb = dynamoDbLocalClient();
let tables: Awaited<ReturnType<typeof provisionTestTables>>;
beforeAll(async () => {
  // The assemblies' clients read their credentials from the environment, as in Lambda.
  process.env['AWS_ACCESS_KEY_ID'] ??= 'testing';
  process.env['AWS_SECRET_ACCESS_KEY'] ??= 'testing';
  tables = await provisionTestTables(dynamoDb);
});
afterAll(async () => {
  await tables.drop();
  dynamoDb.destroy();
});

describe('CallCounter', () => {
  it('counts one GetItem sent through a document client as one DynamoDB call', async () => {
    const counter = new CallCounter();
    const client = dynamoDbLocalClient();
    counter.instrumentation.onAwsClient?.(client);
    await DynamoDBDocumentClient.from(client).send(new GetCommand({ TableName: tables.names.photos, Key: { pk: 'nobody', sk: 'nothing' } }));
    expect(counter.take()).toEqual([{ service: 'dynamodb', operation: 'GetItem' }]);
    expect(counter.take()).toEqual([]);
    client.destroy();
  });

  it('counts nothing for a presigned URL: signing sends no request', async () => {
    const counter = new CallCounter();
    const s3 = createS3Client(motoClientConfig());
    counter.instrumentation.onAwsClient?.(s3);
    await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'any-bucket', Key: 'photos/x' }), { expiresIn: 60 });
    expect(counter.take()).toEqual([]);
    s3.destroy();
  });

  it('counts a Redis command as one call and a whole MULTI/EXEC as one round trip', async () => {
    const counter = new CallCounter();
    const redis = await connectRedis({ url: SHARED_REDIS_URL });
    counter.instrumentation.onRedis?.(redis);
    const key = `test-call-counter-${randomUUID()}`;
    try {
      await redis.get(key);
      await redis.multi().set(key, '1').pexpire(key, 10_000).exec();
      expect(counter.take()).toEqual([
        { service: 'redis', operation: 'get' },
        { service: 'redis', operation: 'multi' },
      ]);
    } finally {
      await redis.del(key);
      await redis.quit();
    }
  });

  it('receives the clients the assemblies create: each store probe counts one call to its service', async () => {
    const counter = new CallCounter();
    const moto = motoClientConfig();
    const photos = openAwsPhotoStores({
      clients: { region: moto.region, endpoint: moto.endpoint, dynamoDbEndpoint: inject('dynamoEndpoint') },
      tableName: tables.names.photos,
      bucket: 'no-such-bucket',
      instrumentation: counter.instrumentation,
    });
    const identity = await openAwsIdentityStores({
      postgres: { connectionString: TEST_DATABASE_URL },
      redis: { url: SHARED_REDIS_URL, keyPrefix: `test-call-counter-${randomUUID()}:` },
      clock: { now: () => new Date() },
      sessionPolicy: { maxLifetimeSeconds: 3600 },
      instrumentation: counter.instrumentation,
    });
    try {
      for (const probe of [...photos.probes, ...identity.probes]) await probe.check().catch(() => undefined);
      expect(counter.take()).toEqual([
        { service: 'dynamodb', operation: 'DescribeTable' },
        { service: 's3', operation: 'HeadBucket' },
        { service: 'postgres', operation: 'select' },
        { service: 'redis', operation: 'ping' },
      ]);
    } finally {
      await photos.close();
      await identity.close();
    }
  });
});
