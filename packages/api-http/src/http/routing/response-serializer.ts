import fastJson, { type Schema } from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = { [keyword: string]: unknown };

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `anyOf: [{type: T, ...}, {type: 'null'}]` (how zod writes `.nullable()` on numbers and formatted
 * strings) as `type: [T, 'null']`, everywhere in the schema: fast-json-stringify picks an `anyOf`
 * branch by validating the value against each, per value, while a type list is a `typeof` check.
 */
function withNullableTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNullableTypes);
  if (!isObject(schema)) return schema;
  const rewritten: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) rewritten[keyword] = withNullableTypes(value);
  const branches = rewritten.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullIndex = branches.findIndex((branch) => isObject(branch) && branch.type === 'null' && Object.keys(branch).length === 1);
    const other: unknown = branches[1 - nullIndex];
    if (nullIndex >= 0 && isObject(other) && typeof other.type === 'string') {
      const { anyOf: _anyOf, ...rest } = rewritten;
      return { ...other, ...rest, type: [other.type, 'null'] };
    }
  }
  return rewritten;
}

/**
 * A serializer compiled from a response's schema (fast-json-stringify, as fastify does): about twice
 * as fast as `JSON.stringify` on a 50-item page (`npm run bench -- http-overhead`), and it writes only
 * the properties the schema declares, so a field outside the documented contract never reaches a
 * client. Output equals `JSON.stringify` for any body the schema accepts.
 */
export function responseSerializer(schema: z.ZodType): (body: unknown) => string {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return fastJson(withNullableTypes(jsonSchema) as Schema) as (body: unknown) => string;
}
