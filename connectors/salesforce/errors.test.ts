/**
 * Salesforce's own error bodies turned into the platform's taxonomy with the fields named, and
 * the values and SOQL text the connector writes.
 */
import { describe, expect, it } from 'vitest';
import { classifySalesforceOutcome, recordError, salesforceErrorParser } from './errors.js';
import { normalise, writable } from './fields.js';
import bodies from './fixtures/errors.json' with { type: 'json' };
import { ACCOUNT, CONTACT } from './objects.js';
import { saveResultsSchema } from './schemas.js';
import { quote, soqlDatetime } from './soql.js';

const response = (status: number, body: unknown) => ({ status, headers: {}, body });

describe('Salesforce error bodies', () => {
  it('names the fields of REQUIRED_FIELD_MISSING', () => {
    expect(salesforceErrorParser(response(400, bodies.requiredFieldMissing))).toEqual({
      message: 'REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]', code: 'REQUIRED_FIELD_MISSING',
      fields: [{ field: 'LastName', message: 'Required fields are missing: [LastName]' }],
    });
  });

  it('names the column of a SOQL INVALID_FIELD from its message, without the query echo', () => {
    const details = salesforceErrorParser(response(400, bodies.invalidField))!;
    expect(details.fields?.map((f) => f.field)).toEqual(['Shoe_Size__c']);
    expect(details.message).toMatch(/^INVALID_FIELD: No such column 'Shoe_Size__c'/);
  });

  it('keeps INVALID_SESSION_ID a permanent 401, and ENTITY_IS_DELETED a 404', () => {
    expect(salesforceErrorParser(response(401, bodies.invalidSession))).toMatchObject({ code: 'INVALID_SESSION_ID', fields: [] });
    expect(salesforceErrorParser(response(401, bodies.invalidSession))!.kind).toBeUndefined();
    expect(salesforceErrorParser(response(404, bodies.entityIsDeleted))).toMatchObject({ code: 'ENTITY_IS_DELETED', kind: 'not_found' });
    expect(salesforceErrorParser(response(404, bodies.upsertNotFound))).toMatchObject({ code: 'NOT_FOUND' });
    expect(salesforceErrorParser(response(502, '<html>Bad gateway</html>'))).toBeUndefined();
  });

  it('classifies a 403 REQUEST_LIMIT_EXCEEDED as transient, other 403s by status, and a 300 as a conflict', () => {
    expect(classifySalesforceOutcome(response(403, bodies.requestLimitExceeded))).toBe('transient');
    expect(classifySalesforceOutcome(response(403, [{ errorCode: 'API_DISABLED_FOR_ORG', message: 'The REST API is not enabled for this Organization.' }]))).toBeUndefined();
    expect(classifySalesforceOutcome(response(300, ['/services/data/v62.0/sobjects/Account/001Dn00000Ri1a3IAB']))).toBe('conflict');
    expect(classifySalesforceOutcome(response(200, []))).toBeUndefined();
  });

  it('turns each Collections record error into its outcome error, by statusCode', () => {
    const [, invalid, duplicate] = saveResultsSchema.parse(bodies.collectionsResult);
    expect(recordError(invalid!.errors, 'create')).toMatchObject({ kind: 'validation', status: 400, code: 'INVALID_EMAIL_ADDRESS', fields: [{ field: 'Email' }] });
    expect(recordError(duplicate!.errors, 'create')).toMatchObject({ kind: 'conflict', code: 'DUPLICATES_DETECTED' });
    expect(recordError([{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }], 'update').kind).toBe('not_found');
    expect(recordError([{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }], 'update').kind).toBe('not_found');
  });
});

describe('values and SOQL text', () => {
  it('writes numbers as numbers, clears with null on update, and leaves read-only fields out', () => {
    expect(writable(ACCOUNT, { Id: 'x', Name: 'Acme', NumberOfEmployees: '42', AnnualRevenue: '1250.5', Website: '', SystemModstamp: 'x', attributes: {} }, 'create'))
      .toEqual({ Name: 'Acme', NumberOfEmployees: 42, AnnualRevenue: 1250.5 });
    expect(writable(CONTACT, { Title: null, Phone: '' }, 'update')).toEqual({ Title: null, Phone: null });
  });

  it('compares emails case-blind and dateTimes to the second, whatever their notation', () => {
    expect(normalise('Email', ' Rose@Edge.com ')).toBe('rose@edge.com');
    expect(normalise('SystemModstamp', '2024-06-02T17:40:03.000+0000')).toBe(normalise('SystemModstamp', '2024-06-02T17:40:03.250Z'));
    expect(normalise('Title', '')).toBeNull();
  });

  it('quotes SOQL strings and writes dateTimes in the documented form, floored to the second', () => {
    expect(quote("O'Brien \\ Sons")).toBe("'O\\'Brien \\\\ Sons'");
    expect(soqlDatetime('2024-06-02T17:40:03.999Z')).toBe('2024-06-02T17:40:03Z');
  });
});
