import type { z } from 'zod';

/** The parts of zod 4's schema definitions this module reads. */
interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly in?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly rest?: z.ZodType | null;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def;
}

/** The schema without optional/nullable/default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); WRAPPERS.has(def.type) && def.innerType; def = defOf(current)) {
    current = def.innerType;
  }
  return current;
}

/** Whether a query parameter takes a list (so `?tag=a&tag=b` and `?tag=a` both make an array). */
export function isArraySchema(schema: z.ZodType): boolean {
  return defOf(unwrap(schema)).type === 'array';
}

/** The top-level properties of an object schema (request params and query). */
export function objectShape(schema: z.ZodType): Readonly<Record<string, z.ZodType>> {
  return defOf(unwrap(schema)).shape ?? {};
}

/**
 * Throws at definition time when a body schema contains a non-strict object: unknown body fields
 * must be rejected (a typo such as `titel` would otherwise be silently ignored).
 */
export function assertStrictObjects(schema: z.ZodType, where: string): void {
  const def = defOf(schema);
  if (def.type === 'object') {
    if (def.catchall === undefined || defOf(def.catchall).type !== 'never') {
      throw new Error(`${where}: body objects must be strict (use z.strictObject)`);
    }
    for (const [key, child] of Object.entries(def.shape ?? {})) assertStrictObjects(child, `${where}.${key}`);
    return;
  }
  const children = [
    def.innerType,
    def.element,
    def.left,
    def.right,
    def.in,
    def.valueType,
    def.rest ?? undefined,
    ...(def.options ?? []),
    ...(def.items ?? []),
  ];
  for (const child of children) if (child !== undefined) assertStrictObjects(child, where);
}
