import { describe, expect, it } from 'vitest';
import { applyMapping, applyTransform, mappingSchema } from './mapping.js';
import { personSchema } from './schemas.js';

describe('field mappings', () => {
  it('maps nested vendor fields with transforms and value maps', () => {
    const mapping = mappingSchema.parse([
      { target: 'email', source: 'properties.email', transform: 'lowercase' },
      { target: 'firstName', source: 'properties.firstname', transform: 'trim' },
      { target: 'properties.vip', source: 'properties.tier', valueMap: { gold: true, silver: false } },
      { target: 'properties.score', source: 'properties.score', transform: 'number' },
    ]);
    const { record, errors } = applyMapping({ properties: { email: 'Ada@Example.COM', firstname: ' Ada ', tier: 'gold', score: '1,200' } }, mapping);
    expect(errors).toEqual([]);
    expect(record).toEqual({ email: 'ada@example.com', firstName: 'Ada', properties: { vip: true, score: 1200 } });
  });

  it('names the field whose value fails its transform', () => {
    const mapping = mappingSchema.parse([{ target: 'properties.n', source: 'n', transform: 'number' }, { target: 'properties.b', source: 'b', transform: 'boolean' }]);
    const { errors } = applyMapping({ n: 'twelve', b: 'perhaps' }, mapping);
    expect(errors.map((e) => e.field)).toEqual(['n', 'b']);
  });

  it('coerces epoch seconds, epoch milliseconds and ISO strings to ISO dates', () => {
    expect(applyTransform(1700000000, 'date')).toBe('2023-11-14T22:13:20.000Z');
    expect(applyTransform('1700000000000', 'date')).toBe('2023-11-14T22:13:20.000Z');
    expect(applyTransform('2023-11-14T22:13:20Z', 'date')).toBe('2023-11-14T22:13:20.000Z');
  });

  it('rejects a canonical person with a malformed email', () => {
    expect(personSchema.safeParse({ externalId: '1', email: 'not-an-email' }).success).toBe(false);
  });
});
