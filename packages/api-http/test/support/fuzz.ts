import fc from 'fast-check';
import { expect } from 'vitest';
import type { OpenApiDocument } from '../../src/http/openapi/openapi-document.js';
import type { CheckedResponse } from './openapi-validator.js';

/** A JSON Schema (OpenAPI 3.1) node, as far as the generator reads it. */
interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly format?: string;
}

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: Schema;
}

/** A request the fuzzer sends. */
interface FuzzRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Sends a request and returns it checked against the document (see `checkedFetch`). */
export type CheckedSend = (method: string, path: string, init?: Omit<RequestInit, 'method'>) => Promise<CheckedResponse>;

export interface FuzzOptions {
  readonly document: OpenApiDocument;
  readonly send: CheckedSend;
  /** Runs per operation. */
  readonly numRuns?: number;
  /** A valid `Authorization` value for bearer operations, so fuzzing reaches past authentication. */
  readonly validAuthorization?: () => Promise<string>;
  /** Operations to leave out, as `METHOD /path`. */
  readonly exclude?: readonly string[];
}

const HUGE_NUMBERS = ['1e309', '-1e309', '99999999999999999999999', '9007199254740993', 'NaN', 'Infinity', '-0', '0x10'];
const ODD_STRINGS = ['', ' ', '%', '%E0%A4%A', '__proto__', 'constructor', '../../etc/passwd', '\u0000', '\uD800', 'a'.repeat(5000)];

const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...ODD_STRINGS, ...HUGE_NUMBERS),
);

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return (document.components?.schemas?.[name] ?? {}) as Schema;
}

/** Values that mostly follow the schema (so requests get past validation) and sometimes do not. */
function valueFor(document: OpenApiDocument, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const anything = fc.jsonValue({ maxDepth: 2 });
  if (depth > 4) return anything;
  let typed: fc.Arbitrary<unknown>;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.const !== undefined) typed = fc.constant(schema.const);
  else if (schema.enum) typed = fc.constantFrom(...schema.enum);
  else if (schema.anyOf ?? schema.oneOf) typed = fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => valueFor(document, s, depth + 1)));
  else if (type === 'object') {
    const entries = Object.entries(schema.properties ?? {}).map(([key, child]) => [key, valueFor(document, child, depth + 1)] as const);
    typed = fc.record(Object.fromEntries(entries), { requiredKeys: [...(schema.required ?? [])].filter((key) => key in (schema.properties ?? {})) });
  } else if (type === 'array') typed = fc.array(valueFor(document, schema.items ?? {}, depth + 1), { maxLength: 25 });
  else if (type === 'integer') typed = fc.integer({ min: (schema.minimum ?? -1000) - 2, max: (schema.maximum ?? 1000) + 2 });
  else if (type === 'number') typed = fc.double({ noNaN: true, noDefaultInfinity: true });
  else if (type === 'boolean') typed = fc.boolean();
  else if (type === 'null') typed = fc.constant(null);
  else if (type === 'string' && schema.format === 'date-time') typed = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else if (type === 'string') typed = fc.string({ maxLength: (schema.maxLength ?? 40) + 2 });
  else typed = anything;
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: anything });
}

/**
 * A generated value as the text of a path segment or query value. JSON rather than String(): an object
 * such as `{"toString": 1}`, which fc.jsonValue produces now and then, cannot be converted by String().
 */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function queryValue(schema: Schema | undefined, document: OpenApiDocument): fc.Arbitrary<string | string[]> {
  const fromSchema = valueFor(document, schema ?? {}).map(asText);
  const single = fc.oneof(fromSchema, oddString);
  return fc.oneof({ weight: 3, arbitrary: single }, { weight: 1, arbitrary: fc.array(single, { minLength: 2, maxLength: 3 }) });
}

/**
 * Path segments keep their dots encoded so fetch does not resolve `..` before sending; lone
 * surrogates (which cannot be percent-encoded) become U+FFFD through the UTF-8 round trip.
 */
function encodeSegment(value: string): string {
  return encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8')).replace(/\./g, '%2E');
}

function requestFor(
  document: OpenApiDocument,
  template: string,
  operation: { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] },
  validAuthorization: string | undefined,
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const pathArb = fc
    .tuple(...pathParams.map((p) => fc.oneof(valueFor(document, p.schema ?? {}).map(asText), oddString)))
    .map((values) =>
      pathParams.reduce(
        (path, param, index) =>
          path.replace(`{${param.name}}`, values[index] === '%E0%A4%A' ? '%E0%A4%A' : encodeSegment(values[index] ?? '')),
        template,
      ),
    );
  const queryArb = fc
    .tuple(
      fc.record(Object.fromEntries(queryParams.map((p) => [p.name, queryValue(p.schema, document)])), { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a[b]', 'x', 'limit[]'), oddString, { maxKeys: 2 }),
    )
    .map(([declared, extra]) => {
      const search = new URLSearchParams();
      const entries: [string, string | string[] | undefined][] = [...Object.entries(declared), ...Object.entries(extra)];
      for (const [key, value] of entries) {
        for (const item of Array.isArray(value) ? value : [value ?? '']) search.append(key, item);
      }
      const text = search.toString();
      return text === '' ? '' : `?${text}`;
    });
  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
  const bodyArb: fc.Arbitrary<{ body?: string; contentType?: string }> =
    jsonSchema === undefined
      ? fc.constant({})
      : fc.oneof(
          { weight: 6, arbitrary: valueFor(document, jsonSchema).map((value) => ({ body: JSON.stringify(value) ?? 'null', contentType: 'application/json' })) },
          { weight: 1, arbitrary: fc.string().map((text) => ({ body: text, contentType: 'application/json' })) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.jsonValue(), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'))
              .map(([value, contentType]) => ({ body: JSON.stringify(value), contentType })),
          },
          { weight: 1, arbitrary: fc.constant({ body: `{"a":"${'x'.repeat(70 * 1024)}"}`, contentType: 'application/json' }) },
          { weight: 1, arbitrary: fc.constant({}) },
        );
  const needsAuth = (operation.security ?? []).length > 0;
  const authArb = needsAuth
    ? fc.oneof(
        fc.constant<string | undefined>(undefined),
        // Header values are byte strings: printable ASCII only.
        fc.stringMatching(/^[\x20-\x7e]{0,80}$/).map((token) => `Bearer ${token}`),
        fc.constantFrom('Basic dXNlcjpwYXNz', 'Bearer', 'bearer a.b.c'),
        ...(validAuthorization === undefined ? [] : [fc.constant(validAuthorization), fc.constant(validAuthorization)]),
      )
    : fc.constant<string | undefined>(undefined);
  return fc.tuple(pathArb, queryArb, bodyArb, authArb).map(([path, query, { body, contentType }, authorization]) => ({
    path: `${path}${query}`,
    headers: {
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
      ...(authorization === undefined ? {} : { authorization }),
    },
    ...(body === undefined ? {} : { body }),
  }));
}

/**
 * For every operation of the document, sends arbitrary path params, query strings, bodies and
 * credentials and asserts the API never answers 5xx and every answer matches the document (which
 * includes the error shape). `send` validates each response.
 */
export async function fuzzOperations(options: FuzzOptions): Promise<void> {
  const validAuthorization = options.validAuthorization ? await options.validAuthorization() : undefined;
  for (const [template, item] of Object.entries(options.document.paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method] as Parameters<typeof requestFor>[2] | undefined;
      if (operation === undefined || options.exclude?.includes(`${method.toUpperCase()} ${template}`)) continue;
      await fc.assert(
        fc.asyncProperty(requestFor(options.document, template, operation, validAuthorization), async (request) => {
          const response = await options.send(method, request.path, {
            headers: request.headers,
            ...(request.body === undefined ? {} : { body: request.body }),
          });
          expect(response.status, `${method.toUpperCase()} ${request.path}`).toBeLessThan(500);
        }),
        { numRuns: options.numRuns ?? 60 },
      );
    }
  }
}
