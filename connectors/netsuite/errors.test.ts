/**
 * NetSuite's own error bodies turned into the taxonomy with the fields they name: by
 * `o:errorPath`, by query parameter, by the field named in the text, by UI label; and the codes
 * whose kind is not their status (a 429 concurrency refusal, a duplicate that is a conflict).
 */
import { describe, expect, it } from 'vitest';
import { netsuiteErrorParser } from './errors.js';
import bodies from './fixtures/errors.json' with { type: 'json' };
import { startNetsuiteSandbox } from './sandbox/index.js';
import { netsuiteHarness } from './fixtures/context.js';

const parse = (status: number, body: unknown) => {
  const details = netsuiteErrorParser({ status, headers: {}, body })!;
  return { ...details, fields: details.fields ?? [] };
};

describe('NetSuite error bodies', () => {
  it('names the field of the documented invalid-body answer by its o:errorPath', () => {
    const details = parse(400, bodies.invalidBody);
    expect(details.code).toBe('INVALID_CONTENT');
    expect(details.fields).toEqual([{ field: 'item.items[0].item', message: expect.stringContaining('Invalid Field Value 9999') }]);
    expect(details.kind).toBeUndefined();
  });

  it('names mandatory fields from their UI labels', () => {
    expect(parse(400, bodies.missingValues).fields.map((f) => f.field)).toEqual(['companyName', 'subsidiary']);
  });

  it('names the SuiteQL column a query used that the record does not expose', () => {
    expect(parse(400, bodies.badQuery).fields.map((f) => f.field)).toEqual(['shoesize']);
  });

  it('names the query parameter NetSuite refused', () => {
    expect(parse(400, bodies.badLimit).fields.map((f) => f.field)).toEqual(['limit']);
  });

  it('reads a duplicate external id as a conflict, not bad data', () => {
    expect(parse(400, bodies.duplicate).kind).toBe('conflict');
  });

  it('reads the concurrency refusal as transient', () => {
    const details = parse(429, bodies.concurrency);
    expect(details.kind).toBe('transient');
    expect(details.code).toBe('CONCURRENCY_LIMIT_EXCEEDED');
  });

  it('keeps INVALID_LOGIN and NONEXISTENT_ID to their statuses (permanent, not found)', () => {
    expect(parse(401, bodies.invalidLogin)).toMatchObject({ code: 'INVALID_LOGIN', fields: [] });
    expect(parse(401, bodies.invalidLogin).kind).toBeUndefined();
    expect(parse(404, bodies.notFound)).toMatchObject({ code: 'NONEXISTENT_ID' });
  });

  it('turns a whole answer from the sandbox into a ConnectorError with NetSuite\'s fields', async () => {
    const sandbox = await startNetsuiteSandbox();
    try {
      const { ctx } = await netsuiteHarness(sandbox);
      const res = await ctx.http.request({ method: 'POST', url: '/services/rest/record/v1/customer', json: { email: 'no-company@example.com' } });
      expect(res.error?.kind).toBe('validation');
      expect(res.error?.status).toBe(400);
      expect(res.error?.fields.map((f) => f.field)).toEqual(['companyName', 'subsidiary']);
      expect(res.error?.message).toContain('Please enter value(s) for: Company Name, Subsidiary');
    } finally {
      await sandbox.stop();
    }
  });
});
