import type { Resolve } from '@hdoc/composition';
import type { Principal } from '@hdoc/domain';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { assertStrictObjects, objectShape } from './schema-inspection.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `bearer`: a valid access token is required and its principal reaches the handler. */
export type AuthMode = 'bearer' | 'none';

/**
 * Error statuses a route documents in addition to those the helper documents by itself
 * (400 when it validates input, 401 for `bearer`, 413/415 when it takes a body, 500 and 503).
 */
export type DeclarableErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

/** Looks a service (a port by its token, a use case by its class) up in the composition root's container. */
export type { Resolve };

/** Success responses by status: a zod schema for a JSON body, `null` for no body (204, 302). */
export type ResponseSchemas = Readonly<Record<number, z.ZodType | null>>;

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A body of schema `S`, as a handler returns it; nothing for a body-less (`null`) status. */
type Body<S> = S extends z.ZodType ? z.input<S> : never;

/** Example bodies by status, typed by the status's schema as handler results are. */
export type ResponseExamples<R extends ResponseSchemas> = { readonly [S in keyof R & number]?: Body<R[S]> };

/** What a handler receives: validated (and coerced) input, the caller, and the raw exchange. */
export interface RouteContext<P, Q, B, A extends AuthMode> {
  readonly params: Output<P>;
  readonly query: Output<Q>;
  readonly body: Output<B>;
  /** The authenticated caller on `bearer` routes, `null` on public ones. */
  readonly principal: A extends 'bearer' ? Principal : null;
  /** Request-scoped logger: every line carries the request id (and the caller's subject). */
  readonly log: Logger;
  readonly resolve: Resolve;
  readonly req: Request;
  readonly res: Response;
}

/** A handler's answer: one of the declared statuses with a body of its schema (none for `null`). */
export type RouteResult<R extends ResponseSchemas> = {
  [S in keyof R & number]: R[S] extends z.ZodType
    ? { readonly status: S; readonly body: z.input<R[S]>; readonly headers?: Readonly<Record<string, string>> }
    : { readonly status: S; readonly body?: undefined; readonly headers?: Readonly<Record<string, string>> };
}[keyof R & number];

/** The declaration of one operation: the single source of its validation and its OpenAPI entry. */
export interface RouteDeclaration<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends ResponseSchemas,
  A extends AuthMode,
> {
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/photos/{id}`; every `{name}` must be a key of `request.params`. */
  readonly path: string;
  readonly operationId?: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly auth: A;
  readonly request?: {
    /** Path parameters (strings after decoding). */
    readonly params?: P;
    /** Query parameters: `z.coerce.number()` for numbers, `z.array()` for repeatable ones. */
    readonly query?: Q;
    /** JSON body; every object in it must be a `z.strictObject`. */
    readonly body?: B;
  };
  /** Success (and other non-error) responses by status. */
  readonly responses: R;
  /** Error statuses the handler's use case may cause, documented with the error schema. */
  readonly errors?: readonly DeclarableErrorStatus[];
  /** One realistic body per JSON response, shown in the document (the API document test validates each). */
  readonly examples?: NoInfer<ResponseExamples<R>>;
}

/** A declared route and its handler. */
export interface RouteSpec<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends ResponseSchemas,
  A extends AuthMode,
> extends RouteDeclaration<P, Q, B, R, A> {
  /** Method syntax on purpose: keeps routes with different schemas assignable to {@link Route}. */
  handler(context: RouteContext<P, Q, B, A>): Promise<RouteResult<R>>;
}

/** A route with its schema types erased, as the app and the OpenAPI generator see it. */
export type Route = RouteSpec<
  z.ZodObject | undefined,
  z.ZodObject | undefined,
  z.ZodType | undefined,
  ResponseSchemas,
  AuthMode
>;

/** The second step of {@link defineRoute}: attach the handler, typed by the declaration. */
export interface RouteBuilder<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends ResponseSchemas,
  A extends AuthMode,
> {
  handle(handler: (context: RouteContext<P, Q, B, A>) => Promise<RouteResult<R>>): Route;
}

const PATH_PARAM = /\{([^{}]+)\}/g;

/**
 * Declares an operation, then takes its handler: `defineRoute({...}).handle(async (ctx) => ...)`.
 * Two steps so that the handler is typed by the fully inferred declaration (its answers keep their
 * literal statuses and bodies). Checks at definition time what would otherwise fail only on some
 * request: path parameters match the params schema and body objects are strict.
 */
export function defineRoute<
  R extends ResponseSchemas,
  A extends AuthMode,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(declaration: RouteDeclaration<P, Q, B, R, A>): RouteBuilder<P, Q, B, R, A> {
  const where = `${declaration.method.toUpperCase()} ${declaration.path}`;
  const inPath = [...declaration.path.matchAll(PATH_PARAM)].map((match) => match[1] ?? '').sort();
  const params = declaration.request?.params;
  const declared = Object.keys(params ? objectShape(params) : {}).sort();
  if (inPath.join() !== declared.join()) {
    throw new Error(`${where}: path parameters {${inPath.join()}} differ from request.params {${declared.join()}}`);
  }
  if (declaration.request?.body) assertStrictObjects(declaration.request.body, `${where} body`);
  if (Object.keys(declaration.responses).length === 0) throw new Error(`${where}: declare at least one response`);
  return {
    handle: (handler) => ({ ...declaration, handler }) as unknown as Route,
  };
}

/** Router path syntax (find-my-way, express) for an OpenAPI path template: `/photos/{id}` -> `/photos/:id`. */
export function routerPath(path: string): string {
  return path.replace(PATH_PARAM, (_match, name: string) => `:${name}`);
}
