import type { NextFunction, Request, RequestHandler, Response } from 'express';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { MALFORMED_PATH } from '../errors/error-mapper.js';
import { HttpError } from '../errors/http-error.js';
import { routerPath, type Route } from './define-route.js';
import { routeHandler, type RouteDependencies, type RouteRequestHandler } from './route-handler.js';

/**
 * No length limit of the router's own (find-my-way answers no match past 100 characters by default):
 * the HTTP parser already bounds a URL, and an overlong id must reach its schema, a 400, not a 404.
 */
const MAX_PATH_PARAMETER_LENGTH = Number.MAX_SAFE_INTEGER;

/** find-my-way calls nothing itself here: the route's own handler travels as the match's `store`. */
function unused(): void {}

/** find-my-way matches `/entries//github` with an empty `{day}`; express (and the API's paths) need one character or more. */
function hasEmptyParameter(params: Readonly<Record<string, string | undefined>>): boolean {
  for (const name in params) if (params[name] === '') return true;
  return false;
}

type Router = ReturnType<typeof FindMyWay>;

/** A path served by a later middleware (a mounted router, the docs), in find-my-way syntax. */
export interface OtherPath {
  readonly method: string;
  readonly path: string;
}

/** The route `method url` names, as express would match it, or null. */
function lookup(router: Router, method: HTTPMethod, url: string): ReturnType<Router['find']> {
  const found = router.find(method, url);
  return found === null || hasEmptyParameter(found.params) ? null : found;
}

function newRouter(): Router {
  return FindMyWay({
    caseSensitive: false,
    ignoreTrailingSlash: true,
    maxParamLength: MAX_PATH_PARAMETER_LENGTH,
    // Makes find() answer a path that does not percent-decode with a match whose store is null.
    onBadUrl: unused,
  });
}

/** GET routes serve HEAD too, as in express. */
function servedMethods(method: string): HTTPMethod[] {
  const upper = method.toUpperCase() as HTTPMethod;
  return upper === 'GET' ? ['GET', 'HEAD'] : [upper];
}

/**
 * Every declared route behind one express middleware: a radix-tree lookup (find-my-way) instead of
 * express testing one layer per route in turn, a cost the last-declared routes paid on every request.
 * Matching keeps express's defaults (case-insensitive paths, optional trailing slash, HEAD served by
 * GET). A request for a path served by a later middleware (`others`: mounted routers, the docs) goes
 * on to it. On a known path, OPTIONS answers 204 and any other method that nothing serves 405, both
 * with the path's methods in `Allow`; unknown paths go on to the JSON 404. The query is parsed once,
 * by the router (repeated keys become lists, as with express's `simple` parser).
 */
export function routeDispatcher(routes: readonly Route[], deps: RouteDependencies, others: readonly OtherPath[] = []): RequestHandler {
  const router = newRouter();
  const elsewhere = newRouter();
  const methods = new Set<HTTPMethod>();
  for (const route of routes) {
    const served = servedMethods(route.method);
    router.on(served, routerPath(route.path), unused, routeHandler(route, deps));
    for (const each of served) methods.add(each);
  }
  for (const other of others) {
    const served = servedMethods(other.method);
    elsewhere.on(served, other.path, unused);
    for (const each of served) methods.add(each);
  }

  /** The methods a path is served with, anywhere in the app. */
  const allowedOn = (url: string): HTTPMethod[] =>
    [...methods].filter((method) => lookup(router, method, url) !== null || lookup(elsewhere, method, url) !== null);

  const unmatched = (req: Request, res: Response, next: NextFunction): void => {
    if (lookup(elsewhere, req.method as HTTPMethod, req.url) !== null) {
      next();
      return;
    }
    const allowed = allowedOn(req.url);
    if (allowed.length === 0) {
      next();
      return;
    }
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', allow);
      res.status(204).end();
      return;
    }
    next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; allowed: ${allow}`, { headers: { Allow: allow } }));
  };

  return (req, res, next) => {
    const found = lookup(router, req.method as HTTPMethod, req.url);
    if (found === null) {
      unmatched(req, res, next);
      return;
    }
    const handle = found.store as RouteRequestHandler | null;
    if (handle === null) {
      // Like express: a 400 only for a path that names a route (its parameter would not decode), else a 404.
      const routable = lookup(router, req.method as HTTPMethod, req.url.replace(/%[0-9A-Fa-f]{0,2}/g, '_')) !== null;
      next(routable ? MALFORMED_PATH : undefined);
      return;
    }
    req.params = found.params as Record<string, string>;
    handle(req, res, found.params, found.searchParams).catch(next);
  };
}
