import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withChromiumPage } from '../support/chromium.js';
import { exampleApp } from '../support/example-api.js';
import { startServer, type RunningServer } from '../support/test-server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(exampleApp().app);
});
afterAll(() => server.close());

describe('/docs', () => {
  it.each([
    ['127.0.0.1', undefined],
    // Not localhost: a browser honours upgrade-insecure-requests there, and over plain http the page's assets would fail.
    ['docs.hdoc.test', ['docs.hdoc.test']],
  ])('renders every operation of /openapi.json in a headless browser at %s, offline and within the CSP', async (host, hostsOf127) => {
    const origin = server.url.replace('127.0.0.1', host);
    const rendered = await withChromiumPage(async (page) => {
      const problems: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
      });
      await page.goto(`${origin}/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
      const operations = await page.locator('.opblock-summary-path').allTextContents();
      const methods = await page.locator('.opblock-summary-method').allTextContents();
      return { operations, methods, problems, foreignRequests, title: await page.locator('.title').first().textContent() };
    }, hostsOf127 === undefined ? {} : { hostsOf127 });
    const pairs = rendered.methods.map((method, index) => `${method} ${(rendered.operations[index] ?? '').replace(/\u200b/g, '')}`);
    expect(pairs.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'GET /examples/{example_id}',
        'DELETE /examples/{example_id}',
        'POST /examples',
        'PATCH /examples/{example_id}',
        'GET /example-failures/{kind}',
      ].sort(),
    );
    expect(rendered.title).toContain('hdoc API');
    expect(rendered.problems).toEqual([]);
    expect(rendered.foreignRequests).toEqual([]);
  });

  it('serves the page and its assets with a document policy, the JSON document with the API one', async () => {
    for (const path of ['/docs', '/docs/swagger-ui.css', '/docs/swagger-initializer.js']) {
      const policy = (await fetch(`${server.url}${path}`)).headers.get('content-security-policy');
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
    }
    expect((await fetch(`${server.url}/openapi.json`)).headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('asks browsers to upgrade insecure requests only when the public base URL is https', async () => {
    const plain = (await fetch(`${server.url}/docs`)).headers.get('content-security-policy') ?? '';
    expect(plain).not.toContain('upgrade-insecure-requests');
    const secure = await startServer(exampleApp({ publicBaseUrl: 'https://api.example.com' }).app);
    try {
      expect((await fetch(`${secure.url}/docs`)).headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('serves only the swagger-ui files the page needs', async () => {
    expect((await fetch(`${server.url}/docs/swagger-ui.css`)).status).toBe(200);
    const other = await fetch(`${server.url}/docs/package.json`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'no such route', details: [] } });
  });
});
