import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { HttpError } from '../errors/http-error.js';
import { documentSecurityHeaders, securityHeaders } from '../security/security-headers.js';
import { stepsMiddleware } from '../request-step.js';
import type { OpenApiDocument } from './openapi-document.js';

/** The swagger-ui-dist files the page needs, served from node_modules (no CDN: works offline). */
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hdoc API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-initializer.js"></script>
</body>
</html>
`;

// A separate file rather than an inline script, so the page's Content-Security-Policy (script-src 'self') holds.
const INITIALIZER = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/**
 * Resolved on first use: a bundled deployment (Lambda) has no swagger-ui-dist on disk and then
 * answers 404 for the page's assets while /openapi.json keeps working.
 */
let assetDirectory: string | null | undefined;
function swaggerUiDirectory(): string | null {
  if (assetDirectory === undefined) {
    try {
      assetDirectory = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    } catch {
      assetDirectory = null;
    }
  }
  return assetDirectory;
}

/** The paths {@link docsRouter} serves (find-my-way syntax), for the app's 405s. */
export const DOCS_PATHS = [
  { method: 'get', path: '/openapi.json' },
  { method: 'get', path: '/docs' },
  { method: 'get', path: '/docs/:asset' },
] as const;

/**
 * `GET /openapi.json` (the generated document) and `GET /docs` (Swagger UI rendering it). `https`:
 * the API's public base URL is https, so the page may ask browsers to upgrade insecure requests.
 */
export function docsRouter(document: OpenApiDocument, options: { readonly https: boolean }): Router {
  const router = Router();
  const json = JSON.stringify(document);
  // The page and its assets are a document: helmet's document policy replaces the API's `default-src 'none'`.
  router.use('/docs', stepsMiddleware(securityHeaders(documentSecurityHeaders(options.https))));
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('text/javascript').send(INITIALIZER);
  });
  router.get('/docs/:asset', (req, res, next) => {
    const directory = swaggerUiDirectory();
    const asset = req.params.asset;
    if (directory === null || !ASSETS.has(asset)) {
      next(new HttpError(404, 'not_found', 'no such route'));
      return;
    }
    res.sendFile(join(directory, asset), { maxAge: '1d' });
  });
  return router;
}
