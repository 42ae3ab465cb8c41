/**
 * `npm run bench -- aws-calls`: the calls one request of each API route makes to DynamoDB, S3, SQS,
 * PostgreSQL and Redis on the AWS path, counted (not timed) by the composition's instrumentation hook.
 *
 * It starts its own DynamoDB Local and moto_server, with its own tables, bucket, queues, PostgreSQL schema
 * and Redis key prefix (all removed at the end). A first composition (`composeLocalApp`, worker included)
 * builds realistic state: a user with ready photos uploaded through the presigned POST and moto's own
 * S3 -> SQS notification, and participants with verified entries on the board. It is then closed, and the
 * API alone (as a Lambda runs it, no in-process worker whose calls would mix in) is composed again with a
 * {@link CallCounter}. Every route is called once to warm up (connections, Lua scripts), then once
 * measured. The readiness check is left out. Targets: read routes 3 (a session check counts), the
 * leaderboard position 4, routes that change state 4. Last line: the JSON figures, `ratio` being the
 * largest count / target of any route.
 */
import { randomUUID } from 'node:crypto';
import { CallCounter, connectRedis, createPostgresPool, type CountedCall, type CountedService } from '@hdoc/adapters-aws';
import { migrateDatabase, startLocalStack } from '@hdoc/adapters-aws/local';
import { composeHttpApp, loadHttpConfig, type HttpConfig } from '@hdoc/api-http';
import { png } from '@hdoc/contract-tests';
import { pino } from 'pino';
import { startServer } from '../../api-http/test/support/test-server.js';
import { awsLocalEnvironment } from '../src/aws-local/aws-local-environment.js';
import { composeLocalApp } from '../src/compose-local-app.js';

const SERVICES: readonly CountedService[] = ['dynamodb', 's3', 'sqs', 'postgres', 'redis'];
const READ = 3;
const POSITION = 4;
const WRITE = 4;
const silent = pino({ level: 'silent' });

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a black-box client reads whatever JSON the API answers
  readonly body: any;
}

/** A black-box client of one running server. */
class Api {
  constructor(readonly url: string) {}

  async call(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(path.startsWith('http') ? path : `${this.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // HTML (/docs, the development sign-in page) stays text.
    }
    if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return { status: response.status, headers: response.headers, body };
  }
}

/** Runs one request of `route`; the warm-up ignores it, the measured round counts its calls. */
type Step = (route: string, target: number, send: () => Promise<Answer>) => Promise<Answer>;
const unmeasured: Step = (_route, _target, send) => send();

/**
 * A browser signing in with GitHub through the development stand-in (the server's own `/dev/github`):
 * `/auth/github`, the authorize form, the callback, then `POST /sessions/github` with the returned code.
 * Only the API's three routes go through `step`; the stand-in plays GitHub.
 */
async function signInWithGitHub(api: Api, login: string, step: Step = unmeasured): Promise<{ access_token: string; refresh_token: string }> {
  const started = await step('GET /auth/github', WRITE, () => api.call('GET', `/auth/github?return_to=${encodeURIComponent(`${api.url}/app/`)}`));
  const cookie = (started.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const authorize = new URL(started.headers.get('location') ?? '');
  const page = String((await api.call('GET', authorize.href)).body);
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
      match[1] ?? '',
      (match[2] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"'),
    ]),
  );
  const posted = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, login }),
    redirect: 'manual',
  });
  const callback = new URL(posted.headers.get('location') ?? '');
  const back = await step('GET /auth/github/callback', WRITE, () => api.call('GET', `${callback.pathname}${callback.search}`, { headers: { cookie } }));
  const code = new URLSearchParams(new URL(back.headers.get('location') ?? '').hash.slice(1)).get('code') ?? '';
  return (await step('POST /sessions/github', WRITE, () => api.call('POST', '/sessions/github', { body: { code } }))).body;
}

/** Waits for the worker (an event to poll for over HTTP only). */
async function until(what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Uploads a PNG through the presigned POST (straight to the bucket, as a browser does); resolves its photo id. */
async function uploadPhoto(api: Api, token: string, name: string, size: number): Promise<string> {
  const image = png(size, size);
  const intent = await api.call('POST', '/photos/uploads', { token, body: { filename: name, content_type: 'image/png', size: image.byteLength } });
  const form = new FormData();
  for (const [field, value] of Object.entries(intent.body.upload.fields as Record<string, string>)) form.append(field, value);
  form.append('file', new Blob([image], { type: 'image/png' }), name);
  const posted = await fetch(intent.body.upload.url as string, { method: 'POST', body: form });
  if (posted.status >= 300) throw new Error(`the presigned POST answered ${posted.status}`);
  return intent.body.photo_id as string;
}

const PHOTO_USER = { username: 'bench-photos', password: 'correct horse battery' };
const PARTICIPANTS = { 'bench-ada': 4, 'bench-grace': 3, 'bench-linus': 2 } as const;

/** The state every route is measured on, built through the API with the worker running. */
async function buildState(config: HttpConfig): Promise<{ photoIds: string[] }> {
  const local = await composeLocalApp(config, { logger: silent, developmentSignIn: true });
  const server = await startServer(local.app);
  local.listeningAt(server.url);
  try {
    const api = new Api(server.url);
    await api.call('POST', '/users', { body: PHOTO_USER });
    const token = (await api.call('POST', '/sessions', { body: PHOTO_USER })).body.access_token as string;
    const photoIds: string[] = [];
    for (let index = 0; index < 6; index++) {
      const id = await uploadPhoto(api, token, `bench-${index}.png`, 20 + index);
      await api.call('PATCH', `/photos/${id}`, { token, body: { title: `photo ${index}`, tags: index % 2 === 0 ? ['even', 'bench'] : ['odd'] } });
      photoIds.push(id);
    }
    await until('the photos to be catalogued', async () => (await api.call('GET', '/photos', { token })).body.items.length === photoIds.length);
    for (const [login, days] of Object.entries(PARTICIPANTS)) {
      const participant = (await signInWithGitHub(api, login)).access_token;
      for (let day = 1; day <= days; day++) {
        await api.call('PUT', `/profiles/me/entries/${day}/github`, { token: participant, body: { url: `https://github.com/${login}/cloud/commit/${day}` } });
      }
      await until(`${login}'s entries to be verified`, async () => {
        const items = (await api.call('GET', `/profiles/${login}/entries`)).body.items as { verification: { status: string } }[];
        return items.length === days && items.every((item) => item.verification.status === 'verified');
      });
    }
    return { photoIds };
  } finally {
    await server.close();
    await local.closers.closeAll();
  }
}

/**
 * One round over every route. Requests that change state get round-specific subjects (a new user name,
 * another photo to delete, another entry day) so the warm-up and the measured round do the same work.
 */
async function everyRoute(api: Api, round: number, photoIds: readonly string[], step: Step): Promise<void> {
  await step('GET /healthz', READ, () => api.call('GET', '/healthz'));
  await step('GET /openapi.json', READ, () => api.call('GET', '/openapi.json'));
  await step('GET /docs', READ, () => api.call('GET', '/docs'));

  const ada = (await signInWithGitHub(api, 'bench-ada', step)).access_token;
  await step('GET /profiles/me', READ, () => api.call('GET', '/profiles/me', { token: ada }));
  await step('GET /profiles/{github_username}', READ, () => api.call('GET', '/profiles/bench-grace'));
  await step('GET /users?username=', READ, () => api.call('GET', '/users?username=bench-grace'));
  await step('PATCH /profiles/me', WRITE, () => api.call('PATCH', '/profiles/me', { token: ada, body: { bio: `round ${round}` } }));
  await step('PUT /profiles/me/entries/{day}/{entry_type}', WRITE, () =>
    api.call('PUT', `/profiles/me/entries/${10 + round}/github`, { token: ada, body: { url: `https://github.com/bench-ada/cloud/commit/${10 + round}` } }),
  );
  await step('GET /profiles/{github_username}/entries', READ, () => api.call('GET', '/profiles/bench-ada/entries'));
  await step('GET /leaderboard', READ, () => api.call('GET', '/leaderboard?status=active'));
  await step('GET /leaderboard/{github_username}', POSITION, () => api.call('GET', '/leaderboard/bench-grace'));

  await step('POST /users', WRITE, () => api.call('POST', '/users', { body: { username: `bench-new-${round}`, password: 'correct horse battery' } }));
  const user = (await step('POST /sessions', WRITE, () => api.call('POST', '/sessions', { body: PHOTO_USER }))).body;
  const token = user.access_token as string;
  await step('GET /me', READ, () => api.call('GET', '/me', { token }));
  await step('GET /users/me', READ, () => api.call('GET', '/users/me', { token }));
  await step('POST /photos/uploads', WRITE, () =>
    api.call('POST', '/photos/uploads', { token, body: { filename: `later-${round}.png`, content_type: 'image/png', size: 1000 } }),
  );
  await step('GET /photos', READ, () => api.call('GET', '/photos', { token }));
  const photo = photoIds[2]!;
  await step('GET /photos/{id}', READ, () => api.call('GET', `/photos/${photo}`, { token }));
  await step('PATCH /photos/{id}', WRITE, () => api.call('PATCH', `/photos/${photo}`, { token, body: { description: `round ${round}` } }));
  await step('DELETE /photos/{id}', WRITE, () => api.call('DELETE', `/photos/${photoIds[round]!}`, { token }));

  const refreshed = (await step('POST /sessions/refresh', WRITE, () => api.call('POST', '/sessions/refresh', { body: { refresh_token: user.refresh_token } }))).body;
  await step('DELETE /sessions/current', WRITE, () => api.call('DELETE', '/sessions/current', { token: refreshed.access_token as string }));
  const again = (await api.call('POST', '/sessions', { body: PHOTO_USER })).body.access_token as string;
  await step('DELETE /sessions', WRITE, () => api.call('DELETE', '/sessions', { token: again }));
}

interface RouteCount {
  readonly calls: readonly CountedCall[];
  readonly target: number;
}

/** Measures every route on the API alone, composed with the counter. */
async function measure(config: HttpConfig, photoIds: readonly string[]): Promise<Map<string, RouteCount>> {
  const counter = new CallCounter();
  const composition = await composeHttpApp(config, { logger: silent, developmentSignIn: true, instrumentation: counter.instrumentation });
  const server = await startServer(composition.app);
  composition.listeningAt(server.url);
  const counts = new Map<string, RouteCount>();
  try {
    const api = new Api(server.url);
    await everyRoute(api, 0, photoIds, unmeasured);
    await everyRoute(api, 1, photoIds, async (route, target, send) => {
      counter.take();
      const answer = await send();
      // Let anything the handler left running after answering reach its client before counting.
      await new Promise((resolve) => setImmediate(resolve));
      counts.set(route, { calls: counter.take(), target });
      return answer;
    });
  } finally {
    await server.close();
    await composition.closers.closeAll();
  }
  return counts;
}

/** Drops the run's schema and Redis keys (the emulators go with their processes). */
async function cleanUp(schema: string, keyPrefix: string): Promise<void> {
  const machine = awsLocalEnvironment({}, {});
  const pool = createPostgresPool({ connectionString: machine.DATABASE_URL });
  await pool.query(`drop schema if exists ${schema} cascade`);
  await pool.end();
  const redis = await connectRedis({ url: machine.REDIS_URL! });
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

function report(counts: Map<string, RouteCount>): void {
  const routes: Record<string, Record<string, number>> = {};
  let ratio = 0;
  const width = Math.max(...[...counts.keys()].map((route) => route.length));
  console.log(`${'route'.padEnd(width)}  ${SERVICES.map((service) => service.padStart(9)).join('')}   total/target  calls`);
  for (const [route, { calls, target }] of counts) {
    const perService = Object.fromEntries(SERVICES.map((service) => [service, calls.filter((call) => call.service === service).length]));
    routes[route] = { ...perService, total: calls.length, target };
    ratio = Math.max(ratio, calls.length / target);
    const flag = calls.length > target ? '  OVER' : '';
    const detail = calls.map((call) => `${call.service}:${call.operation}`).join(' ');
    console.log(`${route.padEnd(width)}  ${SERVICES.map((service) => String(perService[service]).padStart(9)).join('')}   ${`${calls.length}/${target}`.padStart(12)}  ${detail}${flag}`);
  }
  console.log(JSON.stringify({ bench: 'aws-calls', ratio: Math.round(ratio * 1000) / 1000, routes }));
}

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const schema = `hdoc_bench_${run}`;
  const keyPrefix = `hdoc-bench-${run}:`;
  const stack = await startLocalStack({ prefix: `hdoc-bench-${run}` });
  try {
    const environment = awsLocalEnvironment(stack.environment, { POSTGRES_SCHEMA: schema, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: 'silent' });
    // The SDK clients read credentials and region from the process environment.
    for (const name of ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) process.env[name] = environment[name];
    const config = loadHttpConfig(environment);
    await migrateDatabase({ connectionString: config.postgres.connectionString, schema });
    try {
      const { photoIds } = await buildState(config);
      report(await measure(config, photoIds));
    } finally {
      await cleanUp(schema, keyPrefix);
    }
  } finally {
    await stack.stop();
  }
}

await main();
