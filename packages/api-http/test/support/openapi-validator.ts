import { createRequire } from 'node:module';
import type { OpenApiDocument } from '../../src/http/openapi/openapi-document.js';

/** The part of Ajv 8 this validator uses. */
interface AjvLike {
  addSchema(schema: object, key: string): AjvLike;
  getSchema(ref: string): ((data: unknown) => boolean) & { errors?: unknown[] | null };
  errorsText(errors?: unknown[] | null): string;
}

/*
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, which needs Ajv 8 (ajv/dist/2020). The workspace's
 * top-level `ajv` is 6.x (a dependency of eslint), so Ajv 8 is loaded from where ajv-formats, which
 * requires it, resolves it.
 */
const requireHere = createRequire(import.meta.url);
const requireNearFormats = createRequire(requireHere.resolve('ajv-formats'));
const { default: Ajv2020 } = requireNearFormats('ajv/dist/2020') as { default: new (options: object) => AjvLike };
const { default: addFormats } = requireHere('ajv-formats') as { default: (ajv: AjvLike) => void };

/** A response as the tests saw it. */
export interface ObservedResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Raw body text ('' when none). */
  readonly text: string;
}

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
const DOCUMENT_KEY = 'openapi.json';
/** How zod 4's default messages read. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized key)|expected \w+, received|Number must be/;

/** The paths the app serves outside the document: the document itself and its docs page. */
const DOCS_PATH = /^\/(openapi\.json|docs(\/[^/]+)?)$/i;

function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Checks responses against the OpenAPI document: the status is declared for the operation, a
 * declared body is JSON matching its schema, a response without declared content has no body, and
 * a request matching no operation got the 404 error body.
 */
export class OpenApiValidator {
  readonly #ajv: AjvLike;
  readonly #paths: { readonly template: string; readonly pattern: RegExp }[];

  constructor(readonly document: OpenApiDocument) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema(document, DOCUMENT_KEY);
    // Literal paths win over templates (`/photos/uploads` before `/photos/{id}`).
    const parameterCount = (template: string): number => template.split('{').length;
    this.#paths = Object.keys(document.paths ?? {})
      .sort((a, b) => parameterCount(a) - parameterCount(b))
      .map((template) => {
        // A parameter an operation marks `x-multi-segment-parameter` (an object key) may hold slashes.
        const operations = Object.values(document.paths?.[template] ?? {}) as { 'x-multi-segment-parameter'?: string }[];
        const spanning = new Set(operations.map((operation) => operation['x-multi-segment-parameter']));
        const source = template
          .replace(/[.]/g, '\\.')
          .replace(/\{([^}]+)\}/g, (_match, name: string) => (spanning.has(name) ? '.+' : '[^/]+'));
        return { template, pattern: new RegExp(`^${source}$`) };
      });
  }

  /** Throws with a precise reason when the response breaks the document; returns the parsed body. */
  check(method: string, url: string, response: ObservedResponse): unknown {
    const where = `${method.toUpperCase()} ${url} -> ${response.status}`;
    // express routes without `strict routing`: one trailing slash reaches the same operation.
    const pathname = new URL(url, 'http://x').pathname.replace(/(?<=.)\/$/, '');
    const lowerMethod = method.toLowerCase();
    const match = this.#paths.find(
      ({ template, pattern }) =>
        pattern.test(pathname) && this.document.paths?.[template]?.[lowerMethod as Method],
    );
    if (match === undefined) {
      // A path no operation serves is a 404; a known path asked with another method a 405 naming its methods.
      const knownPath = this.#paths.some(({ pattern }) => pattern.test(pathname)) || DOCS_PATH.test(pathname);
      if (response.status === 405 && response.headers.get('allow') === null) throw new Error(`${where}: 405 without Allow`);
      if (response.status !== 404 && !(response.status === 405 && knownPath)) {
        throw new Error(`${where}: no operation matches, expected 404 or 405`);
      }
      return this.#checkBody(where, '#/components/schemas/ErrorResponse', response);
    }
    const operationPointer = `#/paths/${pointerEscape(match.template)}/${lowerMethod}`;
    const operation = this.document.paths?.[match.template]?.[lowerMethod as Method];
    const declared = operation?.responses?.[String(response.status)] as
      | { content?: Record<string, unknown> }
      | undefined;
    if (declared === undefined) {
      throw new Error(`${where}: status not declared (declared: ${Object.keys(operation?.responses ?? {}).join(', ')})`);
    }
    if (declared.content?.['application/json'] === undefined) {
      // A declared non-JSON body (an image) is not checked further; no declared content means no body.
      if (declared.content === undefined && response.text !== '') throw new Error(`${where}: no body declared but got ${response.text.slice(0, 200)}`);
      return undefined;
    }
    const schemaPointer = `${operationPointer}/responses/${response.status}/content/${pointerEscape('application/json')}/schema`;
    return this.#checkBody(where, schemaPointer, response);
  }

  #checkBody(where: string, pointer: string, response: ObservedResponse): unknown {
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) throw new Error(`${where}: content-type ${type}, expected JSON`);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw new Error(`${where}: body is not JSON: ${response.text.slice(0, 200)}`);
    }
    const validate = this.#ajv.getSchema(`${DOCUMENT_KEY}${pointer}`);
    if (!validate(body)) {
      throw new Error(`${where}: body does not match ${pointer}: ${this.#ajv.errorsText(validate.errors)}\n${response.text.slice(0, 500)}`);
    }
    // The document says so in words; the rule is checked on every 400 the tests see.
    const details = (body as { error?: { details?: { message: string }[] } }).error?.details;
    if (response.status === 400 && (details === undefined || details.length === 0)) throw new Error(`${where}: a 400 must list its invalid fields`);
    // Messages are written for people, never zod's defaults ("Invalid input: expected number, received NaN").
    const zodDefault = details?.find(({ message }) => ZOD_DEFAULT_MESSAGE.test(message));
    if (zodDefault !== undefined) throw new Error(`${where}: zod's default message "${zodDefault.message}"`);
    return body;
  }
}

/** What `request` answers: the raw response plus its body, already checked against the document. */
export interface CheckedResponse extends ObservedResponse {
  readonly body: unknown;
}

/**
 * fetch + validation: every response the black-box tests look at goes through the validator, so
 * the OpenAPI document is proven on each of them.
 */
export function checkedFetch(baseUrl: string, validator: OpenApiValidator) {
  return async (method: string, path: string, init: Omit<RequestInit, 'method'> = {}): Promise<CheckedResponse> => {
    const response = await fetch(`${baseUrl}${path}`, { ...init, method: method.toUpperCase(), redirect: 'manual' });
    const text = await response.text();
    const observed = { status: response.status, headers: response.headers, text };
    const body = method.toUpperCase() === 'HEAD' ? undefined : validator.check(method, path, observed);
    return { ...observed, body };
  };
}
