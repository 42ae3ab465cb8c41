import { expect } from 'vitest';
import { json, type Account, type ComposedApi } from '../identity/composed-api.js';

/** What POST /photos/uploads answers. */
export interface UploadIntentJson {
  readonly photo_id: string;
  readonly upload: { readonly url: string; readonly fields: Record<string, string> };
  readonly expires_at: string;
}

/** A photo as the API answers it. */
export interface PhotoJson {
  readonly id: string;
  readonly status: string;
  readonly filename: string;
  readonly content_type: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly taken_at: string | null;
  readonly uploaded_at: string | null;
  readonly title: string | null;
  readonly description: string | null;
  readonly tags: string[];
  readonly metadata: Record<string, string>;
  readonly view_url?: string | null;
}

/** A local file to upload. */
export interface LocalFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** Asks for an upload target for `file` (declaring its real size unless told otherwise). */
export async function requestUpload(api: ComposedApi, owner: Account, file: LocalFile, size = file.bytes.byteLength): Promise<UploadIntentJson> {
  const answer = await api.send(
    'post',
    '/photos/uploads',
    json({ filename: file.filename, content_type: file.contentType, size }, owner.auth),
  );
  expect(answer.status).toBe(201);
  return answer.body as UploadIntentJson;
}

/** The multipart form a browser posts to a presigned POST: every field, then `file` last. */
export function uploadForm(fields: Record<string, string>, bytes: Uint8Array, fileType: string, filename = 'photo'): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: fileType }), filename);
  return form;
}

/** Posts a form to the upload URL: the status and the parsed (error) body, if any. */
export async function postForm(url: string, form: FormData | RequestInit['body'], headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', body: form, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Requests an upload, posts the file, and waits until the worker has catalogued it. */
export async function uploadPhoto(api: ComposedApi, owner: Account, file: LocalFile): Promise<string> {
  const intent = await requestUpload(api, owner, file);
  const posted = await postForm(intent.upload.url, uploadForm(intent.upload.fields, file.bytes, file.contentType, file.filename));
  expect(posted.status).toBe(204);
  await api.composition.worker.drained();
  return intent.photo_id;
}

/** Every photo of a list, walking its cursor with small pages. */
export async function listAll(api: ComposedApi, owner: Account, query: string, limit = 2): Promise<PhotoJson[]> {
  const items: PhotoJson[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await api.send('get', `/photos?${query}&limit=${limit}${suffix}`, { headers: owner.auth });
    expect(page.status).toBe(200);
    const body = page.body as { items: PhotoJson[]; next_cursor: string | null };
    items.push(...body.items);
    cursor = body.next_cursor;
  } while (cursor !== null);
  return items;
}

/** The error shape every failure answers with. */
export function expectError(body: unknown, code: string): void {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}
