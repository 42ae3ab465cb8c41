import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type CollectionTag, type ScalarTag } from 'yaml';
import { challengeTableDefinition, photosTableDefinition, TTL_ATTRIBUTE } from '../../src/dynamodb/tables.js';

/** CloudFormation's short-form intrinsic functions, read as their long form ({"Fn::Sub": ...}). */
const INTRINSICS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'If', 'Equals', 'Not', 'And', 'Or', 'Join', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs'];
const longName = (name: string): string => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
const cloudFormationTags: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? value.split('.') : value }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => ({ [longName(name)]: (value as { toJSON(): unknown }).toJSON() }) },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => ({ [longName(name)]: (value as { toJSON(): unknown }).toJSON() }) },
]);

type KeyElement = { readonly AttributeName?: string | undefined; readonly KeyType?: string | undefined };

/** A table as either side declares it (the SDK's input, or the template's properties). */
interface TableShape {
  readonly AttributeDefinitions?: readonly { readonly AttributeName?: string | undefined; readonly AttributeType?: string | undefined }[] | undefined;
  readonly KeySchema?: readonly KeyElement[] | undefined;
  readonly GlobalSecondaryIndexes?: readonly { readonly IndexName?: string | undefined; readonly KeySchema?: readonly KeyElement[] | undefined; readonly Projection?: unknown }[] | undefined;
  readonly TimeToLiveSpecification?: unknown;
}

/** The parts of a table definition both sides must agree on, in a comparable form. */
function shapeOf(table: TableShape) {
  const key = (elements: readonly KeyElement[] = []) => elements.map(({ AttributeName, KeyType }) => ({ AttributeName, KeyType }));
  return {
    attributes: [...(table.AttributeDefinitions ?? [])]
      .map(({ AttributeName, AttributeType }) => ({ AttributeName, AttributeType }))
      .sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName))),
    key: key(table.KeySchema),
    indexes: Object.fromEntries((table.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, { key: key(index.KeySchema), projection: index.Projection }])),
  };
}

describe('deploy/template.yaml tables', () => {
  it('define the keys, attributes and indexes the adapters and the data-model doc use (tables.ts), with TTL on expires_at', async () => {
    const template = parse(await readFile(join(import.meta.dirname, '..', '..', '..', '..', 'deploy', 'template.yaml'), 'utf8'), {
      customTags: cloudFormationTags,
    }) as { Resources: Record<string, { Type: string; Properties: TableShape }> };
    const tables = [
      ['ChallengeTable', challengeTableDefinition('any')],
      ['PhotosTable', photosTableDefinition('any')],
    ] as const;
    for (const [resource, definition] of tables) {
      const declared = template.Resources[resource];
      expect(declared?.Type, resource).toBe('AWS::DynamoDB::Table');
      expect(shapeOf(declared!.Properties), resource).toEqual(shapeOf(definition));
      expect(declared!.Properties.TimeToLiveSpecification, resource).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
    }
  });
});
