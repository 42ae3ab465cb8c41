import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { png } from '@hdoc/contract-tests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComposedApi, type Account, type ComposedApi } from '../identity/composed-api.js';
import { postForm, uploadForm } from '../photos/photo-api.js';

const IMAGE = png(4, 4);

/** A request with a Host header of our choosing (fetch does not let a caller set Host). */
function sendWithHost(url: string, host: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const target = new URL(path, url);
    const outgoing = request(target, { method, headers: { ...headers, host } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text === '' ? undefined : (JSON.parse(text) as unknown) }));
    });
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

async function uploadUrlVia(api: ComposedApi, owner: Account, host: string): Promise<{ url: string; fields: Record<string, string>; photoId: string }> {
  const answer = await sendWithHost(
    api.server.url,
    host,
    'POST',
    '/photos/uploads',
    { ...owner.auth, 'content-type': 'application/json' },
    JSON.stringify({ filename: 'a.png', content_type: 'image/png', size: IMAGE.byteLength }),
  );
  expect(answer.status).toBe(201);
  const { upload, photo_id: photoId } = answer.body as { photo_id: string; upload: { url: string; fields: Record<string, string> } };
  return { ...upload, photoId };
}

describe('HOST=0.0.0.0 without PUBLIC_BASE_URL: URLs follow the Host each request was sent to', () => {
  let api: ComposedApi;
  let owner: Account;
  let port: string;
  beforeAll(async () => {
    api = await startComposedApi({ env: { HOST: '0.0.0.0' } });
    owner = await api.account('wildcard');
    port = new URL(api.server.url).port;
  });
  afterAll(() => api.close());

  it('builds upload and view URLs from the request Host, so they are reachable however the client came', async () => {
    const viaLan = await uploadUrlVia(api, owner, `photos.lan:${port}`);
    expect(viaLan.url).toBe(`http://photos.lan:${port}/local-uploads`);
    const viaLoopback = await uploadUrlVia(api, owner, `127.0.0.1:${port}`);
    expect(viaLoopback.url).toBe(`${api.server.url}/local-uploads`);
    expect((await postForm(viaLoopback.url, uploadForm(viaLoopback.fields, IMAGE, 'image/png'))).status).toBe(204);
    await api.composition.worker.drained();
    const photo = await sendWithHost(api.server.url, `photos.lan:${port}`, 'GET', `/photos/${viaLoopback.photoId}`, owner.auth);
    expect((photo.body as { view_url: string }).view_url).toMatch(new RegExp(`^http://photos\\.lan:${port}/local-objects/`));
  });

  it('falls back to the listening address for a Host that is not a plain host name', async () => {
    for (const host of ['evil.example/path', 'a b', `x@evil.example:${port}`]) {
      expect((await uploadUrlVia(api, owner, host)).url).toBe(`${api.server.url}/local-uploads`);
    }
  });
});

describe('a specific HOST or a PUBLIC_BASE_URL: URLs ignore the Host header', () => {
  it.each([
    [{}, (url: string) => `${url}/local-uploads`],
    [{ HOST: '0.0.0.0', PUBLIC_BASE_URL: 'https://photos.example.com' }, () => 'https://photos.example.com/local-uploads'],
  ])('%j', async (env, expected) => {
    const api = await startComposedApi({ env });
    try {
      const owner = await api.account('fixed');
      expect((await uploadUrlVia(api, owner, 'photos.lan:1234')).url).toBe(expected(api.server.url));
    } finally {
      await api.close();
    }
  });
});

describe('npm start with HOST=0.0.0.0', () => {
  it('prints an address that answers', async () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@hdoc/source', 'packages/local-run/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', HOST: '0.0.0.0', PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const line = out.split('\n').find((each) => each.includes('hdoc API listening'));
          if (line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      expect(printed).toMatch(/^http:\/\/localhost:\d+$/);
      expect((await fetch(`${printed}/healthz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
