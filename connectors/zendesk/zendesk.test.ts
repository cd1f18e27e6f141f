/**
 * The connector's own behaviour without a server: default mappings both ways (from Zendesk's
 * documented example records, and canonical records as a load sends them), Zendesk error bodies turned into the taxonomy with their fields, and a job's
 * per-record results turned into outcomes.
 */
import { describe, expect, it } from 'vitest';
import { applyMapping, mappingSchema } from '../../src/canonical/index.js';
import type { ObjectDefinition } from '../../src/registry/index.js';
import { preparePage } from '../../src/stream/index.js';
import { toWritable } from './destination/fields.js';
import { ORGANIZATION_OBJECT, USER_OBJECT } from './destination/objects.js';
import { byIdOutcomes, createOutcomes } from './destination/outcomes.js';
import { zendeskDefinition } from './definition.js';
import { fieldsFromSentence, jobResultError, zendeskErrorParser } from './errors.js';
import jobFixture from './fixtures/job-status-completed.json' with { type: 'json' };
import organizationFixture from './fixtures/organization.json' with { type: 'json' };
import ticketFixture from './fixtures/ticket.json' with { type: 'json' };
import userFixture from './fixtures/user.json' with { type: 'json' };
import { ORGANIZATIONS, TICKETS, USERS } from './resources.js';
import { jobStatusSchema, organizationSchema, ticketSchema, userSchema } from './schemas.js';
import { toSourceRecord } from './source/step.js';

const objectOf = (name: string) => zendeskDefinition.objects!.find((o) => o.name === name) as unknown as ObjectDefinition;
const mappingOf = (name: string) => mappingSchema.parse(objectOf(name).mapping);
const scrub = (text: string) => text;
const response = (status: number, body: unknown) => ({ status, headers: {}, body });

describe('default mappings', () => {
  it('maps a Zendesk user to a Person, splitting the name and keeping the organization id as text', () => {
    const record = toSourceRecord(USERS, userSchema.parse(userFixture));
    const { rows, rejected } = preparePage([record], { canonical: 'person', mapping: mappingOf('users'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toMatchObject({
      externalId: '35436', email: 'johnny@example.com', firstName: 'Johnny', lastName: 'Agent', phone: '+15551234567', accountExternalId: '57542',
      properties: { name: 'Johnny Agent', role: 'agent', externalId: 'sai989sur98w9', tags: ['enterprise', 'other_tag'], createdAt: '2009-07-20T22:55:29.000Z' },
    });
    expect(record.cursorValue).toBe('2011-05-05T10:38:52Z');
  });

  it('maps an organization to an Account with its first domain', () => {
    const record = toSourceRecord(ORGANIZATIONS, organizationSchema.parse(organizationFixture));
    const { rows, rejected } = preparePage([record], { canonical: 'account', mapping: mappingOf('organizations'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toMatchObject({
      externalId: '35436', name: 'One Organization', domain: 'example.com',
      properties: { externalId: 'ABC123', domainNames: ['Example.com', 'test.com'], details: 'This is a kind of organization', tags: ['enterprise', 'other_tag'] },
    });
  });

  it('maps a ticket to a ticket Activity with its requester and organization', () => {
    const record = toSourceRecord(TICKETS, ticketSchema.parse(ticketFixture));
    const { rows, rejected } = preparePage([record], { canonical: 'activity', mapping: mappingOf('tickets'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toMatchObject({
      externalId: '35436', type: 'ticket', channel: 'web', occurredAt: '2009-07-20T22:55:29.000Z', personExternalId: '20978392', accountExternalId: '509974',
      properties: { subject: 'Help, my printer is on fire!', status: 'open', priority: 'high', ticketType: 'incident', assigneeId: '235323' },
    });
    // The export filters by generated_timestamp, so that is the ticket's cursor value.
    expect(record.cursorValue).toBe(1304592000);
  });

  it('maps a canonical Person and Account to what a load sends Zendesk', () => {
    const person = applyMapping({ email: 'Mary@Example.com', firstName: 'Mary Ann', lastName: 'Evans', phone: '+44 20 7946 0000', accountExternalId: '900000001' }, mappingSchema.parse(objectOf('users').destinationMapping));
    expect(toWritable(USER_OBJECT, person.record, 'create')).toEqual({ email: 'mary@example.com', name: 'Mary Ann Evans', phone: '+44 20 7946 0000', organization_id: 900000001 });
    const account = applyMapping({ name: 'Biglytics', domain: 'Biglytics.NET', properties: { externalId: 'acct-7', tags: 'vip, emea' } }, mappingSchema.parse(objectOf('organizations').destinationMapping));
    expect(toWritable(ORGANIZATION_OBJECT, account.record, 'create')).toEqual({ name: 'Biglytics', domain_names: ['biglytics.net'], external_id: 'acct-7', tags: ['vip', 'emea'] });
    // An update clears with null (a list with []), and never sends what Zendesk computes.
    expect(toWritable(ORGANIZATION_OBJECT, { notes: '', tags: null, id: 5, updated_at: 'x' }, 'update')).toEqual({ notes: null, tags: [] });
  });

  it('turns a deleted ticket and a soft-deleted user into tombstones', () => {
    expect(toSourceRecord(TICKETS, ticketSchema.parse({ ...ticketFixture, status: 'deleted' })).deleted).toBe(true);
    expect(toSourceRecord(USERS, userSchema.parse({ ...userFixture, active: false })).deleted).toBe(true);
    expect(toSourceRecord(USERS, userSchema.parse(userFixture)).deleted).toBeUndefined();
  });
});

describe('Zendesk error bodies', () => {
  it('names the attributes of a RecordInvalid from its details', () => {
    const details = zendeskErrorParser(response(422, {
      error: 'RecordInvalid', description: 'Record validation errors',
      details: { email: [{ description: 'Email: is invalid', error: 'InvalidFormat' }], name: [{ description: 'Name:  is too short (minimum one character)', error: 'InvalidValue' }] },
    }));
    expect(details).toEqual({
      message: 'RecordInvalid: Record validation errors', code: 'RecordInvalid',
      fields: [{ field: 'email', message: 'Email: is invalid' }, { field: 'name', message: 'Name:  is too short (minimum one character)' }],
    });
  });

  it('reads 401 as a bare error, a 403 with an error object, and the export 429', () => {
    expect(zendeskErrorParser(response(401, { error: "Couldn't authenticate you" }))).toMatchObject({ message: "Couldn't authenticate you", fields: [] });
    expect(zendeskErrorParser(response(403, { error: { title: 'Forbidden', message: 'You do not have access to this page.' } }))).toMatchObject({ code: 'Forbidden', message: 'Forbidden: You do not have access to this page.' });
    expect(zendeskErrorParser(response(429, { error: 'APIRateLimitExceeded', description: 'Number of allowed incremental export API requests per minute exceeded' })))
      .toMatchObject({ code: 'APIRateLimitExceeded', message: 'APIRateLimitExceeded: Number of allowed incremental export API requests per minute exceeded' });
    expect(zendeskErrorParser(response(429, 'You have exceeded the rate limit for updating a single unique user.'))).toMatchObject({ message: expect.stringContaining('rate limit') });
  });

  it('treats a refusal made only of duplicates as a conflict', () => {
    const details = zendeskErrorParser(response(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { name: [{ description: 'Name: has already been taken', error: 'DuplicateValue' }] } }));
    expect(details).toMatchObject({ kind: 'conflict', fields: [{ field: 'name' }] });
  });

  it('reads attribute labels out of a job result sentence', () => {
    expect(fieldsFromSentence('Email: x is not properly formatted, Domain names: y is not a valid domain name').map((f) => f.field)).toEqual(['email', 'domain_names']);
    expect(jobResultError({ error: 'RecordNotFound', details: 'Not found', status: 'Failed' }).kind).toBe('not_found');
    expect(jobResultError({ error: 'RecordInvalid', details: 'Name: has already been taken', status: 'Failed' }).kind).toBe('conflict');
  });
});

describe('job results', () => {
  it('gives one outcome per input in order from a completed job, failures naming their attributes', () => {
    const job = jobStatusSchema.parse(jobFixture).job_status;
    const outcomes = createOutcomes(job, 3);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[0]).toEqual({ ok: true, id: '1900233268488' });
    const failure = outcomes[2]!;
    if (failure.ok) throw new Error('unreachable');
    expect(failure.error).toMatchObject({ kind: 'validation', code: 'UserUpdateError' });
    expect(failure.error.fields.map((f) => f.field)).toEqual(['name', 'email']);
  });

  it('matches update and delete results by id, and takes an already deleted record as deleted', () => {
    const job = jobStatusSchema.parse({ job_status: { id: 'j1', status: 'completed', results: [
      { id: 8, action: 'delete', success: false, status: 'Failed', error: 'RecordNotFound', details: 'Not found' },
      { id: 7, action: 'delete', success: true, status: 'Deleted' },
    ] } }).job_status;
    expect(byIdOutcomes(job, ['7', '8'], 'delete')).toEqual([{ ok: true, id: '7' }, { ok: true, id: '8' }]);
    const updates = byIdOutcomes(job, ['7', '8'], 'update');
    expect(updates.map((o) => o.ok)).toEqual([true, false]);
  });

  it('reports a job result that is missing as a transient failure of that record', () => {
    const job = jobStatusSchema.parse({ job_status: { id: 'j2', status: 'completed', results: [{ id: 1, index: 0, status: 'Created' }] } }).job_status;
    const [, second] = createOutcomes(job, 2);
    expect(second).toMatchObject({ ok: false, error: { kind: 'transient', code: 'missing_result' } });
  });
});
