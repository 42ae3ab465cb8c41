import { IngestStorageEvent, LogIn, RecordVerification, token, VerifyEntry } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { composeHttpApp } from '../../src/composition/compose-http-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { HttpConfigToken } from '../../src/composition/tokens.js';
import { defineRoute } from '../../src/http/routing/define-route.js';
import { checkedFetch, OpenApiValidator } from '../support/openapi-validator.js';
import { captureLogs, startServer } from '../support/test-server.js';

/** A stand-in for an app service, bound by a module the way the app binds its own. */
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
  auth: 'none',
  request: { params: z.object({ name: z.string().max(20) }) },
  responses: { 200: z.strictObject({ text: z.string() }) },
}).handle(async ({ params, resolve }) => ({ status: 200, body: await resolve(GreetToken).execute({ name: params.name }) }));

const testModule = new ContainerModule(({ bind }) => {
  bind(GreetingToken).toConstantValue('hello');
  bind(GreetToken).toResolvedValue((greeting: string) => new Greet(greeting), [GreetingToken]);
});

describe('composeHttpApp', () => {
  it('serves its routes from the shared composition, with the app modules and the readiness checks it registered', async () => {
    const config = loadHttpConfig({});
    const { app, openApi, container, closers } = await composeHttpApp(config, {
      logger: captureLogs().logger,
      modules: [testModule],
      routes: [greetRoute],
    });
    expect(container.get(HttpConfigToken)).toBe(config);
    expect(container.get(GreetToken)).toBe(container.get(GreetToken));
    const server = await startServer(app);
    try {
      const send = checkedFetch(server.url, new OpenApiValidator(openApi));
      expect((await send('get', '/greetings/ann')).body).toEqual({ text: 'hello, ann' });
      const ready = await send('get', '/readyz');
      expect((ready.body as { checks: { name: string }[] }).checks.map((check) => check.name)).toEqual(['token-signing-key']);
    } finally {
      await server.close();
      await closers.closeAll();
    }
  });

  it("binds the API's use cases only: verification and ingestion are the worker's, unless the host runs them too", async () => {
    const api = await composeHttpApp(loadHttpConfig({}), { logger: captureLogs().logger });
    expect(api.container.isBound(LogIn)).toBe(true);
    for (const workerOnly of [VerifyEntry, RecordVerification, IngestStorageEvent]) expect(api.container.isBound(workerOnly)).toBe(false);

    const local = await composeHttpApp(loadHttpConfig({}), { logger: captureLogs().logger, alsoRun: [VerifyEntry, IngestStorageEvent] });
    expect(local.resolve(VerifyEntry)).toBeInstanceOf(VerifyEntry);
    expect(local.resolve(IngestStorageEvent)).toBeInstanceOf(IngestStorageEvent);
    await Promise.all([api.closers.closeAll(), local.closers.closeAll()]);
  });
});
