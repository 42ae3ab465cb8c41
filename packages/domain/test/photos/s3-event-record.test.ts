import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, compareSequencers, parseS3EventNotification, parseS3EventRecord } from '../../src/index.js';

const record = (overrides: { eventName?: unknown; object?: Record<string, unknown>; bucket?: unknown } = {}) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  eventName: 'eventName' in overrides ? overrides.eventName : 'ObjectCreated:Post',
  s3: {
    bucket: 'bucket' in overrides ? overrides.bucket : { name: 'hdoc-photos' },
    object: { key: 'photos/user-1/p-1', size: 12, eTag: 'abc', sequencer: '0055AED6DCD90281E5', ...overrides.object },
  },
});

describe('parseS3EventRecord', () => {
  it('maps created and removed events', () => {
    expect(parseS3EventRecord(record())).toEqual({
      kind: 'created',
      bucket: 'hdoc-photos',
      key: 'photos/user-1/p-1',
      sequencer: '0055AED6DCD90281E5',
      size: 12,
      etag: 'abc',
    });
    for (const eventName of ['ObjectCreated:Put', 'ObjectCreated:CompleteMultipartUpload', 'ObjectCreated:Copy']) {
      expect(parseS3EventRecord(record({ eventName })).kind).toBe('created');
    }
    for (const eventName of ['ObjectRemoved:Delete', 'ObjectRemoved:DeleteMarkerCreated']) {
      const removed = record({ eventName, object: { size: undefined, eTag: undefined } });
      expect(parseS3EventRecord(removed)).toMatchObject({ kind: 'removed', size: null, etag: null });
    }
  });

  it('decodes URL-encoded keys, + as space', () => {
    const encoded = record({ object: { key: 'photos/github%3Aann/my+photo%2B%C3%A9' } });
    expect(parseS3EventRecord(encoded).key).toBe('photos/github:ann/my photo+é');
  });

  it('round-trips any key encoded the way S3 encodes it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (key) => {
        const encoded = key.split('/').map(encodeURIComponent).join('/').replace(/%20/g, '+');
        expect(parseS3EventRecord(record({ object: { key: encoded } })).key).toBe(key);
      }),
    );
  });

  it('refuses malformed records with the field path', () => {
    const cases: [unknown, string][] = [
      [null, 'record'],
      [[], 'record'],
      [record({ eventName: 'ObjectRestore:Post' }), 'record.eventName'],
      [record({ eventName: 42 }), 'record.eventName'],
      [{ eventName: 'ObjectCreated:Put' }, 'record.s3'],
      [record({ bucket: {} }), 'record.s3.bucket.name'],
      [record({ object: { key: '' } }), 'record.s3.object.key'],
      [record({ object: { key: 'bad%E0%A4%A' } }), 'record.s3.object.key'],
      [record({ object: { sequencer: 'xyz' } }), 'record.s3.object.sequencer'],
      [record({ object: { size: -1 } }), 'record.s3.object.size'],
      [record({ object: { size: '12' } }), 'record.s3.object.size'],
      [record({ object: { size: undefined } }), 'record.s3.object.size'],
      [record({ object: { eTag: 5 } }), 'record.s3.object.eTag'],
    ];
    for (const [input, field] of cases) {
      let thrown: unknown;
      try {
        parseS3EventRecord(input);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).field).toBe(field);
    }
  });
});

describe('parseS3EventNotification', () => {
  it('parses every record, and none for the S3 test event', () => {
    expect(parseS3EventNotification({ Records: [record(), record({ eventName: 'ObjectRemoved:Delete' })] })).toHaveLength(2);
    expect(parseS3EventNotification({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'b' })).toEqual([]);
    expect(() => parseS3EventNotification({ Records: [record(), {}] })).toThrow(
      expect.objectContaining({ field: 'Records[1].eventName' }) as Error,
    );
    expect(() => parseS3EventNotification('nope')).toThrow(ValidationError);
  });
});

describe('compareSequencers', () => {
  it('orders hex strings of any length as the numbers they spell', () => {
    const hex = fc.bigInt({ min: 0n, max: 2n ** 96n }).chain((n) =>
      fc.tuple(fc.constant(n), fc.nat({ max: 4 }), fc.boolean()).map(([value, pad, upper]) => {
        const text = '0'.repeat(pad) + value.toString(16);
        return { value, text: upper ? text.toUpperCase() : text };
      }),
    );
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        expect(Math.sign(compareSequencers(a.text, b.text))).toBe(a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      }),
    );
    expect(compareSequencers('F', '10')).toBeLessThan(0);
  });
});
