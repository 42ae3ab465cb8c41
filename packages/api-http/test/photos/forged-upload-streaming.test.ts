import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { ManualClock, MemoryObjectStorageToken } from '@hdoc/adapters-memory';
import { png } from '@hdoc/contract-tests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolverOf } from '@hdoc/composition';
import { startComposedApi, type Account, type ComposedApi } from '../identity/composed-api.js';
import { requestUpload } from './photo-api.js';

const clock = new ManualClock('2026-03-01T09:00:00.000Z');
const FILE_BYTES = 21 * 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(0x41);
let api: ComposedApi;
let eve: Account;

beforeAll(async () => {
  api = await startComposedApi({ clock });
  eve = await api.account('eve');
});
afterAll(() => api.close());

interface StreamedAnswer {
  readonly status: number;
  /** Body bytes the client had handed to the socket when the answer arrived. */
  readonly sent: number;
  readonly total: number;
}

/**
 * Posts a multipart form whose file part is FILE_BYTES long, streaming it in 64 KiB chunks with
 * backpressure, and stops sending as soon as the answer arrives. A server that reads the whole file
 * before checking the form answers only after everything was sent; one that checks the signed fields
 * first answers after the first chunks.
 */
async function streamUpload(url: string, fields: Record<string, string>): Promise<StreamedAnswer> {
  const boundary = 'hdoc-test-boundary';
  const head = new TextEncoder().encode(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const total = head.byteLength + FILE_BYTES + tail.byteLength;
  const req = request(url, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total) },
  });
  let answer: IncomingMessage | undefined;
  const answered = once(req, 'response').then(([response]) => (answer = response as IncomingMessage));
  // Once answered, the server may close the connection under the remaining writes.
  req.on('error', () => undefined);
  let sent = 0;
  const write = async (bytes: Uint8Array) => {
    sent += bytes.byteLength;
    if (!req.write(bytes)) await Promise.race([once(req, 'drain'), answered]);
  };
  await write(head);
  for (let file = 0; file < FILE_BYTES && answer === undefined; file += CHUNK.byteLength) await write(CHUNK);
  if (answer === undefined) {
    await write(tail);
    req.end();
  }
  const response = await answered;
  const sentWhenAnswered = sent;
  response.resume();
  req.destroy();
  return { status: response.statusCode!, sent: sentWhenAnswered, total };
}

describe('POST /local-uploads checks the signed fields before reading the file', () => {
  it('refuses a forged 21 MB upload before the client has sent most of it, and stores nothing', async () => {
    const intent = await requestUpload(api, eve, { filename: 'a.png', contentType: 'image/png', bytes: png(2, 2) });
    const forged = { ...intent.upload.fields, 'x-hdoc-max-size': String(FILE_BYTES), 'x-hdoc-signature': 'forged' };
    const answer = await streamUpload(intent.upload.url, forged);
    expect(answer.status).toBe(403);
    // Whatever socket buffers took, the answer came long before the 21 MB were sent.
    expect(answer.sent).toBeLessThan(answer.total / 2);
    expect(await resolverOf(api.composition.container)(MemoryObjectStorageToken).head(intent.upload.fields['key']!)).toBeNull();
  });

  it('refuses an expired upload the same way, and the server still serves the next request', async () => {
    const intent = await requestUpload(api, eve, { filename: 'b.png', contentType: 'image/png', bytes: png(2, 2) });
    clock.advance(16 * 60 * 1000);
    const answer = await streamUpload(intent.upload.url, intent.upload.fields);
    expect(answer.status).toBe(403);
    expect(answer.sent).toBeLessThan(answer.total / 2);
    expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);
  });
});
