import { token } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { composeHttpApp } from '../../src/composition/compose-http-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { AuthenticateToken, ClosersToken, HttpConfigToken, ReadinessCheckToken } from '../../src/composition/tokens.js';
import { defineRoute } from '../../src/http/routing/define-route.js';
import { checkedFetch, OpenApiValidator } from '../support/openapi-validator.js';
import { captureLogs, startServer } from '../support/test-server.js';

/** A stand-in for a use case, bound the way the real ones will be. */
class Greet {
  constructor(private readonly greeting: string) {}
  execute(input: { name: string }): Promise<{ text: string }> {
    return Promise.resolve({ text: `${this.greeting}, ${input.name}` });
  }
}
const GreetingToken = token<string>('test.Greeting');
const GreetToken = token<Greet>('test.Greet');

const greetRoute = defineRoute({
  method: 'get',
  path: '/greetings/{name}',
  summary: 'Greet',
  tags: ['test'],
  auth: 'bearer',
  request: { params: z.object({ name: z.string().max(20) }) },
  responses: { 200: z.strictObject({ text: z.string(), by: z.string() }) },
}).handle(async ({ params, principal, resolve }) => {
  const { text } = await resolve(GreetToken).execute({ name: params.name });
  return { status: 200, body: { text, by: principal.subject } };
});

const testModule = new ContainerModule(({ bind }) => {
  bind(GreetingToken).toConstantValue('hello');
  bind(GreetToken).toResolvedValue((greeting: string) => new Greet(greeting), [GreetingToken]);
  bind(AuthenticateToken).toConstantValue((accessToken: string) =>
    accessToken === 'good' ? Promise.resolve({ subject: 'u1', sessionId: 's1' }) : Promise.reject(new Error('unexpected')),
  );
  bind(ReadinessCheckToken).toConstantValue({ name: 'one', check: () => Promise.resolve() });
  bind(ReadinessCheckToken).toConstantValue({ name: 'two', check: () => Promise.resolve() });
});

describe('composeHttpApp', () => {
  it('wires the container into the app: authenticator, readiness checks and services for handlers', async () => {
    const config = loadHttpConfig({});
    const { app, openApi, container } = await composeHttpApp(config, {
      logger: captureLogs().logger,
      modules: [testModule],
      routes: [greetRoute],
    });
    expect(container.get(HttpConfigToken)).toBe(config);
    expect(container.get(GreetToken)).toBe(container.get(GreetToken));
    const server = await startServer(app);
    try {
      const send = checkedFetch(server.url, new OpenApiValidator(openApi));
      const greeted = await send('get', '/greetings/ann', { headers: { authorization: 'Bearer good' } });
      expect(greeted.body).toEqual({ text: 'hello, ann', by: 'u1' });
      const ready = await send('get', '/readyz');
      expect((ready.body as { checks: { name: string }[] }).checks.map((check) => check.name)).toEqual(['one', 'two']);
    } finally {
      await server.close();
    }
  });

  it('rejects every token and has no checks when nothing is bound', async () => {
    const { app, openApi, container } = await composeHttpApp(loadHttpConfig({}), { logger: captureLogs().logger, modules: [], routes: [] });
    expect(container.isBound(ClosersToken)).toBe(true);
    expect(Object.keys(openApi.paths ?? {}).sort()).toEqual(['/healthz', '/readyz']);
    const server = await startServer(app);
    try {
      const send = checkedFetch(server.url, new OpenApiValidator(openApi));
      expect((await send('get', '/readyz')).body).toEqual({ status: 'ok', checks: [] });
    } finally {
      await server.close();
    }
  });
});
