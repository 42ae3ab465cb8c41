import { describe, expect, it } from 'vitest';
import { challengeTableDefinition, photosTableDefinition, TTL_ATTRIBUTE } from '@hdoc/adapters-aws';
import { readTemplate, type TemplateResource } from './support/template.js';

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
    const template = await readTemplate();
    const tables = [
      ['ChallengeTable', challengeTableDefinition('any')],
      ['PhotosTable', photosTableDefinition('any')],
    ] as const;
    for (const [resource, definition] of tables) {
      const declared: TemplateResource | undefined = template.Resources[resource];
      expect(declared?.Type, resource).toBe('AWS::DynamoDB::Table');
      const properties = declared!.Properties as TableShape;
      expect(shapeOf(properties), resource).toEqual(shapeOf(definition));
      expect(properties.TimeToLiveSpecification, resource).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
    }
  });
});
