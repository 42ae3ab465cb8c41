import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComposedApi, type ComposedApi } from '../identity/composed-api.js';
import { errorOf, invalidFields } from '../support/error-details.js';

let api: ComposedApi;
beforeAll(async () => {
  api = await startComposedApi();
});
afterAll(() => api.close());

describe('the local storage endpoints, as the document describes them', () => {
  it('answer a broken upload form with the 400 shape, naming the body', async () => {
    const answer = await api.send('post', '/local-uploads', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(400);
    expect(invalidFields(answer.body)).toEqual(['body']);
  });

  it('answer a bad signature with a documented 403', async () => {
    const answer = await api.send('get', '/local-objects/photos/u1/p1?expires=1&signature=nope');
    expect(answer.status).toBe(403);
    expect(errorOf(answer.body).code).toBe('forbidden');
  });

  it('answer another method with 405 and Allow', async () => {
    const answer = await api.send('put', '/local-uploads');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST, OPTIONS');
    const objects = await api.send('delete', '/local-objects/photos/u1/p1');
    expect(objects.status).toBe(405);
    expect(objects.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
