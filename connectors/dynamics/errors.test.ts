/**
 * Dataverse's own error bodies (the wordings of its documentation: batch errors, conditional
 * operations, service protection, plug-in errors) turned into the platform's taxonomy with the
 * column named, and the values a write sends.
 */
import { describe, expect, it } from 'vitest';
import { answerError } from './destination/outcomes.js';
import { normalise, toWritable } from './destination/fields.js';
import { ACCOUNTS, CONTACTS, TASKS } from './entities.js';
import { dynamicsErrorParser, readable } from './errors.js';
import bodies from './fixtures/errors.json' with { type: 'json' };
import { deltaTokenOf, literal, queryString, relativeLink } from './odata.js';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers, body });

describe('Dataverse error bodies', () => {
  it('names the column of a string that is too long (0x80044331)', () => {
    expect(dynamicsErrorParser(response(400, bodies.stringTooLong))).toEqual({
      message: "0x80044331: A validation error occurred. The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'.",
      code: '0x80044331',
      fields: [{ field: 'subject', message: "A validation error occurred. The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'." }],
    });
  });

  it('names an undeclared property from the OData reader\'s inner exception, without the preamble', () => {
    const details = dynamicsErrorParser(response(400, bodies.undeclaredProperty))!;
    expect(details.fields?.map((f) => f.field)).toEqual(['shoesize']);
    expect(details.message).toBe("0x80048d19: The property 'shoesize' does not exist on type 'Microsoft.Dynamics.CRM.contact'. Make sure to only use property names that are defined by the type or mark the type as open type.");
    expect(dynamicsErrorParser(response(400, bodies.unknownSelect))!.fields?.map((f) => f.field)).toEqual(['shoesize']);
    expect(dynamicsErrorParser(response(400, bodies.choiceOutOfRange))!.fields?.map((f) => f.field)).toEqual(['industrycode']);
    expect(dynamicsErrorParser(response(400, bodies.undeclaredNavigation))!.fields?.map((f) => f.field)).toEqual(['parentcustomerid_acount']);
  });

  it('reads "does not exist" as not found and the 412s as conflicts', () => {
    expect(dynamicsErrorParser(response(404, bodies.doesNotExist))).toMatchObject({ code: '0x80040217', kind: 'not_found', fields: [] });
    expect(dynamicsErrorParser(response(404, bodies.preventCreate))).toMatchObject({ code: undefined, message: 'account With Id = 00000000-0000-0000-0000-000000000001 Does Not Exist' });
    expect(dynamicsErrorParser(response(412, bodies.matchingKey))!.kind).toBe('conflict');
    expect(dynamicsErrorParser(response(412, bodies.rowVersion))!.kind).toBe('conflict');
    expect(dynamicsErrorParser(response(412, bodies.duplicateAlternateKey))).toMatchObject({ kind: 'conflict', code: '0x80060892' });
  });

  it('keeps a 401 without a body permanent and a service protection 429 transient, and ignores what is not Dataverse\'s', () => {
    expect(dynamicsErrorParser(response(401, undefined, { 'www-authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/t/oauth2/authorize' }))).toEqual({ message: expect.stringContaining('refused the access token') });
    expect(dynamicsErrorParser(response(429, bodies.serviceProtection))).toMatchObject({ kind: 'transient', code: '0x80072322' });
    expect(dynamicsErrorParser(response(502, '<html>Bad gateway</html>'))).toBeUndefined();
    expect(dynamicsErrorParser(response(400, bodies.plugin))).toMatchObject({ code: '0x80040265', message: '0x80040265: Example Error Message.', fields: [] });
  });

  it('turns a batch answer into the record\'s error, with Retry-After for a throttled one', () => {
    expect(answerError({ status: 400, headers: {}, body: bodies.stringTooLong })).toMatchObject({ kind: 'validation', status: 400, code: '0x80044331', fields: [{ field: 'subject' }] });
    expect(answerError({ status: 429, headers: { 'retry-after': '7' }, body: bodies.serviceProtection })).toMatchObject({ kind: 'transient', retryAfterMs: 7000 });
    expect(readable('plain text')).toBe('plain text');
  });
});

describe('values a write sends', () => {
  it('leaves computed columns out, sends numbers as numbers, and clears with null on update', () => {
    expect(toWritable(ACCOUNTS, { accountid: 'x', name: 'Acme', numberofemployees: '42', revenue: '1250.5', websiteurl: '', modifiedon: 'x', _derived: {} }, 'create'))
      .toEqual({ name: 'Acme', numberofemployees: 42, revenue: 1250.5 });
    expect(toWritable(CONTACTS, { jobtitle: null, telephone1: '', fullname: 'Not written' }, 'update')).toEqual({ jobtitle: null, telephone1: null });
  });

  it('binds lookups through their navigation property, to the usual table or the one named', () => {
    const account = '7EB682F1-CA75-E511-80D4-00155D2A68D1';
    expect(toWritable(CONTACTS, { _parentcustomerid_value: account }, 'create')).toEqual({ 'parentcustomerid_account@odata.bind': '/accounts(7eb682f1-ca75-e511-80d4-00155d2a68d1)' });
    expect(toWritable(CONTACTS, { _parentcustomerid_value: `contacts(${account})` }, 'create')).toEqual({ 'parentcustomerid_contact@odata.bind': '/contacts(7eb682f1-ca75-e511-80d4-00155d2a68d1)' });
    expect(toWritable(TASKS, { _regardingobjectid_value: `/accounts(${account})` }, 'create')).toEqual({ 'regardingobjectid_account_task@odata.bind': '/accounts(7eb682f1-ca75-e511-80d4-00155d2a68d1)' });
    expect(toWritable(CONTACTS, { _parentcustomerid_value: null }, 'update')).toEqual({ 'parentcustomerid_account@odata.bind': null });
    // Not a reference: sent as is, so Dataverse's refusal names the column.
    expect(toWritable(CONTACTS, { _parentcustomerid_value: 'Acme' }, 'create')).toEqual({ _parentcustomerid_value: 'Acme' });
  });

  it('compares emails case-blind, lookups by GUID and times to the second', () => {
    expect(normalise('emailaddress1', ' Ada@Example.com ')).toBe('ada@example.com');
    expect(normalise('_parentcustomerid_value', '/accounts(7EB682F1-CA75-E511-80D4-00155D2A68D1)')).toBe('7eb682f1-ca75-e511-80d4-00155d2a68d1');
    expect(normalise('scheduledend', '2025-01-02T16:00:00.750Z')).toBe(normalise('scheduledend', '2025-01-02T16:00:00Z'));
    expect(normalise('jobtitle', '')).toBeNull();
  });

  it('writes OData query strings with %20, quoted literals, and links that stay on the host', () => {
    expect(queryString({ $select: 'a,b', $filter: "name eq 'O''Brien & Sons'", $top: undefined })).toBe("?$select=a%2Cb&$filter=name%20eq%20'O''Brien%20%26%20Sons'");
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(relativeLink('https://evil.example.com/api/data/v9.2/contacts?$skiptoken=x')).toBe('/api/data/v9.2/contacts?$skiptoken=x');
    expect(() => relativeLink('https://contoso.crm.dynamics.com/other')).toThrow(/not a Dataverse Web API link/);
    expect(deltaTokenOf('https://x.crm.dynamics.com/api/data/v9.2/accounts?$select=name&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44')).toBe('919042!08/22/2017 08:10:44');
  });
});
