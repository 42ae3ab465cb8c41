import { randomUUID } from 'node:crypto';
import { connectRedis, createPostgresPool } from '@hdoc/adapters-aws';
import { migrateDatabase, startLocalStack, type LocalStack } from '@hdoc/adapters-aws/local';
import { loadHttpConfig } from '@hdoc/api-http';
import { png } from '@hdoc/contract-tests';
import { RegisterProfile, SubmitEntry } from '@hdoc/domain';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../api-http/test/support/test-server.js';
import { awsLocalEnvironment } from '../../src/aws-local/aws-local-environment.js';
import { composeLocalApp, type LocalApp } from '../../src/compose-local-app.js';

// The whole production path on this machine: its own DynamoDB Local and moto_server, provisioned as
// `npm run start:aws-local` does, with a schema and key prefix of its own on the machine's PostgreSQL and Redis.
let stack: LocalStack;
let local: LocalApp;
let server: RunningServer;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  stack = await startLocalStack({ prefix: `hdoc-e2e-${run}` });
  const environment = awsLocalEnvironment(stack.environment, {
    POSTGRES_SCHEMA: `hdoc_e2e_${run}`,
    REDIS_KEY_PREFIX: `hdoc-e2e-${run}:`,
    LOG_LEVEL: 'silent',
  });
  // The SDK clients read credentials and region from the process environment.
  for (const name of ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) process.env[name] = environment[name];
  const config = loadHttpConfig(environment);
  await migrateDatabase({ connectionString: config.postgres.connectionString, schema: config.postgres.schema });
  local = await composeLocalApp(config, { logger: pino({ level: 'silent' }) });
  server = await startServer(local.app);
  local.listeningAt(server.url);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await local?.closers.closeAll();
  await stack?.stop();
  const pool = createPostgresPool({ connectionString: awsLocalEnvironment({}, {}).DATABASE_URL });
  await pool.query(`drop schema if exists hdoc_e2e_${run} cascade`);
  await pool.end();
  const redis = await connectRedis({ url: awsLocalEnvironment({}, {}).REDIS_URL! });
  const keys = await redis.keys(`hdoc-e2e-${run}:*`);
  for (const key of keys) await redis.del(key);
  await redis.quit();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a black-box test reads whatever JSON the API answers
async function call(method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

describe('npm run start:aws-local: the production path on the emulators', () => {
  it('answers ready with every dependency named', async () => {
    const ready = await call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((check: { name: string }) => check.name)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'dynamodb', 'sqs', 's3', 'token-signing-key']),
    );
  });

  it("catalogues a photo posted to the bucket through moto's own S3 -> SQS notification, with its thumbnail", async () => {
    const credentials = { username: 'e2e-photos', password: 'correct horse battery' };
    expect((await call('POST', '/users', { body: credentials })).status).toBe(201);
    const token = (await call('POST', '/sessions', { body: credentials })).body.access_token as string;
    const image = png(40, 30);
    const intent = await call('POST', '/photos/uploads', { token, body: { filename: 'e2e.png', content_type: 'image/png', size: image.byteLength } });
    expect(intent.status).toBe(201);
    const form = new FormData();
    for (const [name, value] of Object.entries(intent.body.upload.fields as Record<string, string>)) form.append(name, value);
    form.append('file', new Blob([image], { type: 'image/png' }), 'e2e.png');
    const posted = await fetch(intent.body.upload.url as string, { method: 'POST', body: form });
    expect(posted.status).toBeLessThan(300);

    await expect
      .poll(async () => (await call('GET', `/photos/${intent.body.photo_id as string}`, { token })).body.status, { timeout: 30_000, interval: 200 })
      .toBe('ready');
    const photo = (await call('GET', `/photos/${intent.body.photo_id as string}`, { token })).body;
    expect(photo).toMatchObject({ width: 40, height: 30, size: image.byteLength, content_type: 'image/png' });
    expect(photo.thumbnail_url).toEqual(expect.any(String));
    expect((await fetch(photo.thumbnail_url as string)).headers.get('content-type')).toBe('image/webp');
    const list = await call('GET', '/photos', { token });
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([intent.body.photo_id]);
  });

  it('verifies a submitted entry through the SQS verification queue and puts the participant on the board', async () => {
    await local.resolve(RegisterProfile).execute({ githubUsername: 'e2e-octo' });
    await local.resolve(SubmitEntry).execute({
      actor: { subject: 'github:e2e-octo', sessionId: 'e2e' },
      day: 1,
      entryType: 'github',
      url: 'https://github.com/e2e-octo/cloud/commit/1',
    });
    await expect
      .poll(async () => (await call('GET', '/profiles/e2e-octo/entries')).body.items[0]?.verification?.status, { timeout: 30_000, interval: 200 })
      .toBe('verified');
    const position = await call('GET', '/leaderboard/e2e-octo');
    expect(position.body.row).toMatchObject({ rank: 1, github_username: 'e2e-octo', days_completed: 1 });
  });
});
