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
  it('renders every operation of /openapi.json in a headless browser, offline and within the CSP', async () => {
    const rendered = await withChromiumPage(async (page) => {
      const problems: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
      });
      await page.goto(`${server.url}/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
      const operations = await page.locator('.opblock-summary-path').allTextContents();
      const methods = await page.locator('.opblock-summary-method').allTextContents();
      return { operations, methods, problems, foreignRequests, title: await page.locator('.title').first().textContent() };
    });
    const pairs = rendered.methods.map((method, index) => `${method} ${(rendered.operations[index] ?? '').replace(/\u200b/g, '')}`);
    expect(pairs.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'GET /examples/{example_id}',
        'DELETE /examples/{example_id}',
        'POST /examples',
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

  it('serves only the swagger-ui files the page needs', async () => {
    expect((await fetch(`${server.url}/docs/swagger-ui.css`)).status).toBe(200);
    const other = await fetch(`${server.url}/docs/package.json`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'no such route', details: [] } });
  });
});
