import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { RequestStep } from '../request-step.js';

/**
 * The headers of API answers (JSON, images): no answer of the API is a document, so the policy
 * forbids everything a document could load or be framed by (`default-src 'none'; frame-ancestors
 * 'none'`, `X-Frame-Options: DENY`), keeps what protects any response (HSTS, nosniff, no referrer,
 * same-origin resource policy) and leaves out helmet's document-only headers (opener policy, origin
 * agent cluster, DNS prefetch, download options, cross-domain policies, XSS auditor), as the OWASP
 * REST security cheat sheet suggests. Each header is paid on every answer.
 */
export const API_SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  xFrameOptions: { action: 'deny' },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/**
 * The headers of the one document the API serves, the docs page and its assets: helmet's defaults
 * when the API is public over https. Over plain http (a local run reached by any host name) without
 * `upgrade-insecure-requests`, which would send the page's own script and style requests to an https
 * port nobody listens on, and without the opener policy, which browsers ignore (with a console error)
 * on an origin that is not secure.
 */
export function documentSecurityHeaders(https: boolean): HelmetOptions {
  return https ? {} : { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } }, crossOriginOpenerPolicy: false };
}

/**
 * helmet's security headers, computed once. With no per-request input (no CSP nonces) helmet answers
 * every request with the same headers, yet rebuilds them, CSP string included, on each one; asking it
 * once at start-up and replaying its answer keeps helmet the source of the policy at a fraction of the
 * cost. Measured (`BENCH_ROUNDS=20 npm run bench -- http-overhead`): helmet per request 0.831 public /
 * 0.748 authenticated, against 0.842-0.846 / 0.760-0.762 precomputed.
 */
export function securityHeaders(options: HelmetOptions): RequestStep {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    // Lowercase, as node keys them: a name already in lowercase spares setHeader a new string per answer.
    setHeader: (name: string, value: unknown) => set.push([name.toLowerCase(), String(value)]),
    removeHeader: (name: string) => removed.push(name),
    getHeader: () => undefined,
  };
  let finished = false;
  helmet(options)({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, () => {
    finished = true;
  });
  if (!finished) throw new Error('helmet did not answer synchronously; its headers cannot be precomputed');
  return (_req, res) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
  };
}
