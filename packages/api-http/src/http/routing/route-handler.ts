import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { authenticateRequest, type Authenticate } from './authenticate.js';
import type { Resolve, Route } from './define-route.js';
import { normalizeQuery, parseInput } from './request-input.js';

/** What every route handler shares, provided once by the app. */
export interface RouteDependencies {
  readonly authenticate: Authenticate;
  readonly resolve: Resolve;
  readonly readBody: (req: Parameters<RequestHandler>[0], res: Response) => Promise<unknown>;
}

/**
 * The express handler of a declared route: authenticate first (an anonymous caller learns nothing
 * about the input rules), then validate params, query and body in that order, then call the handler
 * and send its answer. Anything thrown reaches the app's error handler.
 */
export function routeHandler(route: Route, deps: RouteDependencies): RequestHandler {
  const { params, query, body } = route.request ?? {};
  return async (req, res) => {
    const principal = route.auth === 'bearer' ? await authenticateRequest(req, deps.authenticate) : null;
    const input = {
      params: params ? parseInput('params', params, req.params) : undefined,
      query: query ? parseInput('query', query, normalizeQuery(query, req.query)) : undefined,
      body: body ? parseInput('body', body, await deps.readBody(req, res)) : undefined,
    };
    // Answers for an authenticated caller must not be kept by shared caches.
    if (principal !== null) res.setHeader('Cache-Control', 'no-store');
    let subjectLog: Logger | undefined;
    const result = await route.handler({
      params: input.params,
      query: input.query,
      body: input.body,
      principal,
      // Built only if the handler logs: most never do, and a child logger per request is not free.
      get log(): Logger {
        if (principal === null) return req.log;
        subjectLog ??= req.log.child({ subject: principal.subject });
        return subjectLog;
      },
      resolve: deps.resolve,
      req,
      res,
    });
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    res.status(result.status);
    if (result.body === undefined) res.end();
    else res.json(result.body);
  };
}
