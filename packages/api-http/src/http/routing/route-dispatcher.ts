import type { NextFunction, RequestHandler, Response } from 'express';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
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

/** The route `method url` names, as express would match it, or null. */
function lookup(router: Router, method: HTTPMethod, url: string): ReturnType<Router['find']> {
  const found = router.find(method, url);
  return found === null || hasEmptyParameter(found.params) ? null : found;
}

/**
 * Every declared route behind one express middleware: a radix-tree lookup (find-my-way) instead of
 * express testing one layer per route in turn, a cost the last-declared routes paid on every request.
 * Matching keeps express's defaults (case-insensitive paths, optional trailing slash, HEAD served by
 * GET), answers OPTIONS on a known path with its methods in `Allow`, and hands anything unmatched to
 * the next middleware (local storage, docs, then the JSON 404). The query is parsed once, by the
 * router (repeated keys become lists, as with express's `simple` parser).
 */
export function routeDispatcher(routes: readonly Route[], deps: RouteDependencies): RequestHandler {
  const router = FindMyWay({
    caseSensitive: false,
    ignoreTrailingSlash: true,
    maxParamLength: MAX_PATH_PARAMETER_LENGTH,
    // Makes find() answer a path that does not percent-decode with a match whose store is null.
    onBadUrl: unused,
  });
  const methods = new Set<HTTPMethod>();
  for (const route of routes) {
    const method = route.method.toUpperCase() as HTTPMethod;
    const served: HTTPMethod[] = method === 'GET' ? ['GET', 'HEAD'] : [method];
    router.on(served, routerPath(route.path), unused, routeHandler(route, deps));
    for (const each of served) methods.add(each);
  }

  const answerOptions = (url: string, res: Response, next: NextFunction): void => {
    const allowed = [...methods].filter((method) => lookup(router, method, url) !== null);
    if (allowed.length === 0) {
      next();
      return;
    }
    res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
    res.status(204).end();
  };

  return (req, res, next) => {
    const found = lookup(router, req.method as HTTPMethod, req.url);
    if (found === null) {
      if (req.method === 'OPTIONS') answerOptions(req.url, res, next);
      else next();
      return;
    }
    const handle = found.store as RouteRequestHandler | null;
    if (handle === null) {
      // Like express: a 400 only for a path that names a route (its parameter would not decode), else a 404.
      const routable = lookup(router, req.method as HTTPMethod, req.url.replace(/%[0-9A-Fa-f]{0,2}/g, '_')) !== null;
      next(routable ? new HttpError(400, 'invalid_input', 'malformed percent-encoding in the URL') : undefined);
      return;
    }
    req.params = found.params as Record<string, string>;
    handle(req, res, found.params, found.searchParams).catch(next);
  };
}
