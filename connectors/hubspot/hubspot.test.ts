/**
 * The connector's own behaviour: default mappings, per-record outcomes of HubSpot's batch
 * answers, natural-key lookups, restore, and HubSpot error bodies turned into the taxonomy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingSchema } from '../../src/canonical/index.js';
import type { ConnectorContext, DestinationOperations, ObjectDefinition, WriteOutcome } from '../../src/registry/index.js';
import { preparePage } from '../../src/stream/index.js';
import { readAll } from '../../test/conformance/harness.js';
import { hubspotDefinition } from './definition.js';
import { hubspotErrorParser } from './errors.js';
import batch207 from './fixtures/batch-create-207.json' with { type: 'json' };
import contactFixture from './fixtures/contact.json' with { type: 'json' };
import { hubspotHarness } from './fixtures/context.js';
import { CONTACTS } from './objects.js';
import { createOutcomes } from './outcomes.js';
import { liveRecord } from './records.js';
import { startHubspotSandbox, type HubspotSandbox } from './sandbox/index.js';
import { batchResponseSchema, hubspotObjectSchema } from './schemas.js';

const objectOf = (name: string) => hubspotDefinition.objects!.find((o) => o.name === name) as unknown as ObjectDefinition;
const mappingOf = (name: string) => mappingSchema.parse(objectOf(name).mapping);
const scrub = (text: string) => text;
const failure = (outcome: WriteOutcome) => (outcome.ok ? undefined : outcome.error);

describe('default mappings', () => {
  it('maps a HubSpot contact to a canonical Person as the default mapping says', () => {
    const record = liveRecord(CONTACTS, hubspotObjectSchema.parse(contactFixture));
    const { rows, rejected } = preparePage([record], { canonical: 'person', mapping: mappingOf('contacts'), scrub });
    expect(rejected).toEqual([]);
    expect(rows[0]!.data).toEqual({
      externalId: '512', email: 'bryan.cooper@biglytics.net', firstName: 'Bryan', lastName: 'Cooper',
      title: 'VP of Sales', phone: '(877) 929-0687', accountExternalId: '2000017',
    });
    expect(record.cursorValue).toBe('2019-12-07T16:50:06.678Z');
  });

  it('maps a company with employee count and revenue as numbers', () => {
    const company = hubspotObjectSchema.parse({
      id: '77', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-02T00:00:00.000Z',
      properties: { name: 'Biglytics', domain: 'Biglytics.NET', industry: 'COMPUTER_SOFTWARE', numberofemployees: '250', annualrevenue: '1250000.50' },
    });
    const { rows } = preparePage([{ id: '77', data: company }], { canonical: 'account', mapping: mappingOf('companies'), scrub });
    expect(rows[0]!.data).toEqual({ externalId: '77', name: 'Biglytics', domain: 'biglytics.net', industry: 'COMPUTER_SOFTWARE', employeeCount: 250, annualRevenue: 1250000.5 });
  });
});

describe('against the sandbox', () => {
  let sandbox: HubspotSandbox;
  let ctx: ConnectorContext;
  const dest = (name: string) => objectOf(name).destination as unknown as DestinationOperations;

  beforeAll(async () => {
    sandbox = await startHubspotSandbox({ seed: { notes: 3 } });
    ctx = (await hubspotHarness(sandbox)).ctx;
  });
  afterAll(async () => sandbox.stop());

  it('maps a note read in full to an activity with its contact and company', async () => {
    const pages = await readAll(ctx, objectOf('notes').source as never, null, 'full');
    const notes = pages.flatMap((p) => p.records).filter((r) => !r.deleted);
    const { rows, rejected } = preparePage(notes, { canonical: 'activity', mapping: mappingOf('notes'), scrub });
    expect(rejected).toEqual([]);
    const [contact] = sandbox.store.liveIds('contacts');
    const [company] = sandbox.store.liveIds('companies');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.data).toMatchObject({ type: 'note', personExternalId: contact, accountExternalId: company, properties: { body: expect.stringContaining('Call notes') } });
    expect(rows[0]!.data.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('gives per-record outcomes for a 207 with one bad email, naming email', async () => {
    const outcomes = await dest('contacts').create(ctx, [
      { email: 'one@example.org', firstname: 'One' }, { email: 'two@', firstname: 'Two' }, { email: 'three@example.org' },
    ], { idempotencyKeys: ['a', 'b', 'c'] });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(failure(outcomes[1]!)).toMatchObject({ kind: 'validation', code: 'INVALID_EMAIL', fields: [{ field: 'email', message: 'Email address two@ is invalid' }] });
    expect(outcomes[0]).toMatchObject({ ok: true, record: { email: 'one@example.org' } });
    expect(sandbox.server.requestLog.filter((r) => r.path.endsWith('/batch/create'))).toHaveLength(1);
  });

  it('reports a duplicate email as a conflict naming the existing contact', async () => {
    const [first] = await dest('contacts').create(ctx, [{ email: 'dup@example.org' }], { idempotencyKeys: ['d1'] });
    const [second] = await dest('contacts').create(ctx, [{ email: 'DUP@example.org' }], { idempotencyKeys: ['d2'] });
    expect(failure(second!)).toMatchObject({ kind: 'conflict', code: 'CONFLICT' });
    expect(failure(second!)?.message).toContain(`Existing ID: ${first!.ok ? first!.id : ''}`);
  });

  it('isolates the record of a batch update HubSpot refused as a whole', async () => {
    const created = await dest('contacts').create(ctx, [1, 2, 3].map((i) => ({ email: `upd${i}@example.org` })), { idempotencyKeys: ['u1', 'u2', 'u3'] });
    const ids = created.map((o) => (o.ok ? o.id : ''));
    sandbox.server.clearLog();
    const outcomes = await dest('contacts').update(ctx, [
      { id: ids[0]!, fields: { jobtitle: 'CEO' } }, { id: ids[1]!, fields: { email: 'broken' } }, { id: ids[2]!, fields: { jobtitle: 'CFO' } },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(failure(outcomes[1]!)?.fields.map((f) => f.field)).toEqual(['email']);
    // One refused batch, then one call per record.
    expect(sandbox.server.requestLog.filter((r) => r.path.endsWith('/batch/update')).map((r) => r.status)).toEqual([400, 200, 400, 200]);
  });

  it('reports an unknown id in a batch update as not found, the others written', async () => {
    const [made] = await dest('contacts').create(ctx, [{ email: 'known@example.org' }], { idempotencyKeys: ['k'] });
    const outcomes = await dest('contacts').update(ctx, [{ id: made!.ok ? made!.id : '', fields: { firstname: 'Known' } }, { id: '999999', fields: { firstname: 'Ghost' } }]);
    expect(outcomes[0]).toMatchObject({ ok: true, record: { firstname: 'Known' } });
    expect(failure(outcomes[1]!)).toMatchObject({ kind: 'not_found', code: 'OBJECT_NOT_FOUND' });
  });

  it('finds contacts by email case-blind and companies by domain, oldest first', async () => {
    await dest('contacts').create(ctx, [{ email: 'finder@example.org', firstname: 'Finder' }], { idempotencyKeys: ['f'] });
    const people = await dest('contacts').findByNaturalKey!(ctx, ['Finder@Example.org', 'nobody@example.org']);
    expect([...people.keys()]).toEqual(['Finder@Example.org']);
    expect(people.get('Finder@Example.org')).toMatchObject({ email: 'finder@example.org', firstname: 'Finder' });
    const [older] = await dest('companies').create(ctx, [{ name: 'Twin One', domain: 'twins.example' }], { idempotencyKeys: ['t1'] });
    await new Promise((r) => setTimeout(r, 5));
    await dest('companies').create(ctx, [{ name: 'Twin Two', domain: 'twins.example' }], { idempotencyKeys: ['t2'] });
    const companies = await dest('companies').findByNaturalKey!(ctx, ['TWINS.example']);
    expect(companies.get('TWINS.example')).toMatchObject({ id: older!.ok ? older!.id : '', name: 'Twin One' });
  });

  it('restores a deleted company by re-creating it under a new id', async () => {
    const [made] = await dest('companies').create(ctx, [{ name: 'Phoenix', domain: 'phoenix.example', numberofemployees: 12 }], { idempotencyKeys: ['p'] });
    const id = made!.ok ? made!.id : '';
    const snapshot = (await dest('companies').get(ctx, [id])).get(id)!;
    await dest('companies').delete(ctx, [id]);
    expect((await dest('companies').get(ctx, [id])).get(id)).toBeNull();
    const restored = await dest('companies').restore!(ctx, id, snapshot);
    expect(restored).toMatchObject({ ok: true, record: { name: 'Phoenix', numberofemployees: '12' } });
    expect(restored.ok && restored.id).not.toBe(id);
  });
});

describe('testConnection', () => {
  it('passes with a working token and explains a revoked one', async () => {
    const sandbox = await startHubspotSandbox();
    try {
      const { ctx, definition } = await hubspotHarness(sandbox);
      const test = definition.testConnection as (c: ConnectorContext) => Promise<{ ok: boolean; message: string }>;
      expect(await test(ctx)).toMatchObject({ ok: true });
      sandbox.revoke();
      const refused = await test(ctx);
      expect(refused.ok).toBe(false);
      expect(refused.message).toContain('401');
      expect(refused.message).toContain('Authentication credentials not found');
    } finally {
      await sandbox.stop();
    }
  });
});

describe('batch answers and error bodies', () => {
  it('matches created records to inputs when HubSpot neither echoes trace ids nor keeps order', () => {
    const inputs = [{ email: 'first@example.com' }, { email: 'bad@' }, { email: 'third@example.com' }];
    const outcomes = createOutcomes(inputs, ['0', '1', '2'], batchResponseSchema.parse(batch207));
    expect(outcomes.map((o) => (o.ok ? o.id : `error:${o.error.fields[0]?.field}`))).toEqual(['1145814089', 'error:email', '1145814090']);
  });

  it('names the fields of a 400 from errors[].context.propertyName', () => {
    const details = hubspotErrorParser({
      status: 400, headers: {},
      body: { status: 'error', message: 'This will be a human readable message.', correlationId: 'a43683b0', category: 'VALIDATION_ERROR', errors: [{ message: 'discount was not a valid number', code: 'INVALID_INTEGER', context: { propertyName: ['discount'] } }] },
    });
    expect(details).toMatchObject({ code: 'INVALID_INTEGER', fields: [{ field: 'discount', message: 'discount was not a valid number' }] });
  });

  it('reads the 401 and the ten-secondly 429 bodies, and treats the daily limit as permanent', () => {
    expect(hubspotErrorParser({ status: 401, headers: {}, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } }))
      .toMatchObject({ code: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.', fields: [] });
    const burst = hubspotErrorParser({ status: 429, headers: {}, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' } });
    expect(burst).toMatchObject({ code: 'RATE_LIMIT', message: expect.stringContaining('TEN_SECONDLY_ROLLING') });
    expect(burst?.kind).toBeUndefined();
    expect(hubspotErrorParser({ status: 429, headers: {}, body: { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', policyName: 'DAILY' } })?.kind).toBe('permanent');
  });
});
