import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from '../../src/http/routing/response-serializer.js';
import { PhotoPageSchema } from '../../src/routes/photos/photo.schema.js';

const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
const photo = fc.record({
  id: text,
  status: fc.constantFrom('pending' as const, 'ready' as const, 'rejected' as const),
  filename: text,
  content_type: text,
  size: fc.nat(),
  width: fc.option(fc.nat({ max: 100_000 }), { nil: null }),
  height: fc.option(fc.nat({ max: 100_000 }), { nil: null }),
  taken_at: fc.option(instant, { nil: null }),
  uploaded_at: fc.option(instant, { nil: null }),
  title: fc.option(text, { nil: null }),
  description: fc.option(text, { nil: null }),
  tags: fc.array(text, { maxLength: 4 }),
  metadata: fc.dictionary(text, text, { maxKeys: 4 }),
});

describe('responseSerializer', () => {
  const serialize = responseSerializer(PhotoPageSchema);

  it('writes exactly what JSON.stringify writes for any body the schema accepts', () => {
    fc.assert(
      fc.property(fc.record({ items: fc.array(photo, { maxLength: 5 }), next_cursor: fc.option(text, { nil: null }) }), (page) => {
        expect(PhotoPageSchema.safeParse(page).success).toBe(true);
        expect(serialize(page)).toBe(JSON.stringify(page));
      }),
    );
  });

  it('leaves out properties the schema does not declare', () => {
    const leaky = { items: [], next_cursor: null, owner_password_hash: 'secret' };
    expect(serialize(leaky)).toBe('{"items":[],"next_cursor":null}');
    const nested = responseSerializer(z.strictObject({ user: z.strictObject({ id: z.string() }) }));
    expect(nested({ user: { id: 'u1', internal: 42 } })).toBe('{"user":{"id":"u1"}}');
  });
});
