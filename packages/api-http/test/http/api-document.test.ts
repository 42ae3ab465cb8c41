import { describe, expect, it } from 'vitest';
import { composeHttpApp } from '../../src/composition/compose-http-app.js';
import { loadHttpConfig } from '../../src/composition/config.js';
import { ERROR_CODES, ERROR_STATUS } from '../../src/http/errors/http-error.js';
import { OpenApiValidator } from '../support/openapi-validator.js';
import { captureLogs } from '../support/test-server.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; default?: unknown };
type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  responses: Record<string, { content?: Record<string, { schema?: Schema; examples?: Record<string, { value: unknown }> }> }>;
};

const composition = await composeHttpApp(loadHttpConfig({}), { logger: captureLogs().logger });
await composition.closers.closeAll();
const document = composition.openApi as typeof composition.openApi & { 'x-error-codes'?: Record<string, number> };
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  (['get', 'post', 'put', 'patch', 'delete'] as const)
    .filter((method) => (item as Record<string, unknown>)[method] !== undefined)
    .map((method) => ({ path, method, operation: (item as Record<string, Operation>)[method] as Operation })),
);

function resolve(schema: Schema | undefined): Schema | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name === undefined ? schema : (document.components?.schemas?.[name] as Schema | undefined);
}

describe('the API document', () => {
  it('lists every error code with its status, in the overview and in x-error-codes, as http-error.ts does', () => {
    expect(document['x-error-codes']).toEqual(ERROR_STATUS);
    const description = document.info.description ?? '';
    for (const code of ERROR_CODES) expect(description).toContain(`| \`${code}\` | ${ERROR_STATUS[code]} |`);
    const errorObject = (document.components?.schemas?.['ErrorResponse'] as { properties: { error: { properties: { code: { enum: string[] } } } } })
      .properties.error.properties.code;
    expect(errorObject.enum).toEqual(ERROR_CODES);
  });

  it('gives each error response one example per code of its status, each valid against the operation', () => {
    const validator = new OpenApiValidator(document);
    let checked = 0;
    for (const { path, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const examples = response.content?.['application/json']?.examples;
        if (Number(status) < 400 || examples === undefined) continue;
        const codes = Object.values(examples).map(({ value }) => (value as { error: { code: string } }).error.code);
        expect(codes.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
        for (const code of codes) expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS]).toBe(Number(status));
        for (const { value } of Object.values(examples)) {
          const text = JSON.stringify(value);
          validator.check(method, path, { status: Number(status), headers: new Headers({ 'content-type': 'application/json' }), text });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('gives every success response with a JSON body at least one example, each valid against the operation', () => {
    const validator = new OpenApiValidator(document);
    let checked = 0;
    for (const { path, method, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const json = response.content?.['application/json'];
        if (!/^2\d\d$/.test(status) || json === undefined) continue;
        const examples = Object.values(json.examples ?? {});
        expect(examples.length, `${method} ${path} ${status}: no example`).toBeGreaterThan(0);
        for (const { value } of examples) {
          const text = JSON.stringify(value);
          validator.check(method, path, { status: Number(status), headers: new Headers({ 'content-type': 'application/json' }), text });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('documents the limit default of every list', () => {
    const lists = operations.filter(({ operation }) => {
      const schema = resolve(operation.responses['200']?.content?.['application/json']?.schema);
      return schema?.properties?.['items'] !== undefined && schema.properties['next_cursor'] !== undefined;
    });
    expect(lists.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
      expect.arrayContaining(['get /leaderboard', 'get /photos', 'get /profiles/{github_username}/entries']),
    );
    for (const { method, path, operation } of lists) {
      const limit = operation.parameters?.find((parameter) => parameter.name === 'limit' && parameter.in === 'query');
      expect(limit?.schema?.default, `${method} ${path}`).toBe(20);
    }
  });

  it('has an overview: sign-in flows, token lifetimes, CORS and the upload form rules', () => {
    const description = document.info.description ?? '';
    for (const topic of [
      'POST /sessions {username, password}',
      'GET /auth/github?return_to=',
      'POST /sessions/github {code}',
      'access token** lives 15 minutes',
      'rotates',
      'CORS_ORIGINS',
      'every field of `upload.fields` first',
      'the file as the last part, named `file`',
      '20 MiB',
      '`limit` is 20 by default',
    ]) {
      expect(description).toContain(topic);
    }
  });

  it('documents the local upload and object endpoints of the memory family', () => {
    const local = operations.filter(({ path }) => path.startsWith('/local-')).map(({ method, path }) => `${method} ${path}`);
    expect(local.sort()).toEqual(['get /local-objects/{key}', 'post /local-uploads']);
    const upload = operations.find(({ path }) => path === '/local-uploads')?.operation as Operation & {
      requestBody?: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(upload.requestBody?.content['multipart/form-data']?.schema.required).toContain('file');
    expect(Object.keys(upload.responses).sort()).toEqual(['204', '400', '403', '500', '503']);
  });
});
