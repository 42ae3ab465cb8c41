import type { Request, RequestHandler, Response } from 'express';

/**
 * Work every request of a group goes through that never ends it (request id and log, security
 * headers). Steps are plain functions rather than express middleware so that several share one
 * layer: express spends a few µs of routing on each layer a request passes through.
 */
export type RequestStep = (req: Request, res: Response) => void;

/** Steps as one express middleware, for a router of their own. */
export function stepsMiddleware(...steps: readonly RequestStep[]): RequestHandler {
  return (req, res, next) => {
    for (const step of steps) step(req, res);
    next();
  };
}
