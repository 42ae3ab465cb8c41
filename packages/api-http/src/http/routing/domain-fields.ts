import type { Route } from './define-route.js';
import { objectShape } from './schema-inspection.js';
import { locatedField, type InputLocation } from './validation-error.js';

/** The first name of a domain field: `tags` of `tags[3]`, `metadata` of `metadata.camera`. */
function rootOf(field: string): string {
  return /^[^.[]*/.exec(field)?.[0] ?? field;
}

/**
 * Where a route's domain fields come from. A domain error (`ValidationError`, `PayloadTooLargeError`)
 * names its field without a location (`tags[3]`, `cursor`, `day`); the route's own schemas know it:
 * the part that declares the field's first name (path, then query, then body). A name no part
 * declares is placed in the body: domain fields are body fields unless the route says otherwise.
 */
export function domainFieldLocator(route: Route): (field: string) => string {
  const { params, query, body } = route.request ?? {};
  const parts: [InputLocation, ReadonlySet<string>][] = [];
  if (params) parts.push(['path', new Set(Object.keys(objectShape(params)))]);
  if (query) parts.push(['query', new Set(Object.keys(objectShape(query)))]);
  if (body) parts.push(['body', new Set(Object.keys(objectShape(body)))]);
  return (field) => {
    const root = rootOf(field);
    const location = parts.find(([, names]) => names.has(root))?.[0] ?? 'body';
    return locatedField(location, field);
  };
}

