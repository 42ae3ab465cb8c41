import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';

/** One operation a plain router serves: its OpenAPI entry and, when the path has a multi-segment parameter, its router path. */
export interface RouterOperation {
  /** The OpenAPI operation (method, path template, summary, request, responses with the error schema). */
  readonly spec: RouteConfig;
  /** find-my-way syntax of the path when the template alone cannot say it, e.g. `/local-objects/*` for a key with slashes. */
  readonly match?: string;
}

/**
 * A plain express router for endpoints that are not JSON operations (multipart in, bytes out: the
 * memory family's local storage endpoints), with the operations it serves so that the OpenAPI
 * document lists them and a wrong method on their paths answers 405 like any other.
 */
export interface MountedRouter {
  readonly router: Router;
  readonly operations: readonly RouterOperation[];
}
