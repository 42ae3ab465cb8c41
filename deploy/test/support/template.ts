import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type CollectionTag, type ScalarTag } from 'yaml';

/** CloudFormation's short-form intrinsic functions, read as their long form ({"Fn::Sub": ...}). */
const INTRINSICS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'If', 'Equals', 'Not', 'And', 'Or', 'Join', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs'];
const longName = (name: string): string => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
const cloudFormationTags: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? value.split('.') : value }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => ({ [longName(name)]: (value as { toJSON(): unknown }).toJSON() }) },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => ({ [longName(name)]: (value as { toJSON(): unknown }).toJSON() }) },
]);

/** One resource of the template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

/** The parsed template. */
export interface Template {
  readonly Globals?: { readonly Function?: Record<string, unknown> };
  readonly Resources: Record<string, TemplateResource>;
}

/** Where the template lives. */
export const DEPLOY_DIR = join(import.meta.dirname, '..', '..');

/** deploy/template.yaml, with its short-form CloudFormation tags read as their long form. */
export async function readTemplate(): Promise<Template> {
  return parse(await readFile(join(DEPLOY_DIR, 'template.yaml'), 'utf8'), { customTags: cloudFormationTags }) as Template;
}
