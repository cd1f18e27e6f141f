import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/harness.js';

describe('connections', () => {
  let h: ApiHarness;
  const canary = `canary-${Date.now().toString(36)}-s3cr3t`;
  let ws: string;
  beforeAll(async () => {
    h = await startApiHarness();
    ws = `/api/v1/workspaces/${h.a.workspaceId}`;
  });
  afterAll(async () => h?.close());

  const create = (body: Record<string, unknown>) => h.call(h.a.memberKey, 'POST', `${ws}/connections`, { connectorId: 'fake', config: { subdomain: 'acme' }, ...body });

  it('refuses a connection without a required secret with a 400 naming credentials.<field>', async () => {
    const answer = await create({ credentials: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation');
    expect(answer.body.error.fields).toContainEqual(expect.objectContaining({ field: 'credentials.apiKey' }));
    const bad = await create({ config: { subdomain: 'Not Valid!' }, credentials: { apiKey: canary, extra: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['config.subdomain', 'credentials']));
    expect(bad.text).not.toContain(canary);
    const unknown = await h.call(h.a.memberKey, 'POST', `${ws}/connections`, { connectorId: 'nope', credentials: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ field: 'connectorId', message: 'no such connector in the catalogue' }]);
    const { rows } = await h.database.pool.query('select count(*)::int as n from connections');
    expect(rows[0].n).toBe(0);
  });

  it('never answers a secret: every connection route and the audit log are checked for a canary', async () => {
    const answers: string[] = [];
    const keep = async (p: Promise<{ status: number; text: string }>, status = 200) => {
      const a = await p;
      expect(a.status, a.text).toBe(status);
      answers.push(a.text);
      return a;
    };
    const created = await keep(create({ name: 'CRM', credentials: { apiKey: canary, webhookSecret: `${canary}-hook` } }), 201);
    const body = JSON.parse(created.text);
    expect(body).toMatchObject({ connectorId: 'fake', name: 'CRM', config: { subdomain: 'acme' }, status: 'active', credentials: { apiKey: { configured: true }, webhookSecret: { configured: true } } });
    const conn = `${ws}/connections/${body.id}`;
    await keep(h.call(h.a.memberKey, 'GET', conn));
    await keep(h.call(h.a.memberKey, 'GET', `${ws}/connections`));
    const tested = await keep(h.call(h.a.memberKey, 'POST', `${conn}/test`));
    // The fake vendor echoes the key in its refusal: the answer carries it scrubbed.
    expect(JSON.parse(tested.text)).toMatchObject({ ok: false, message: 'the vendor refused the key [REDACTED]' });
    await keep(h.call(h.a.memberKey, 'POST', `${conn}/reauthorize`, { credentials: { apiKey: `good-${canary}` } }));
    expect(JSON.parse((await keep(h.call(h.a.memberKey, 'POST', `${conn}/test`))).text)).toMatchObject({ ok: true });
    await keep(h.call(h.a.memberKey, 'POST', `${conn}/disable`));
    await keep(h.call(h.a.memberKey, 'POST', `${conn}/enable`));
    await keep(h.call(h.a.memberKey, 'GET', `${conn}/streams`));
    const oauth = await keep(create({ name: 'CRM (OAuth)', authMethod: 'oauth', credentials: { clientId: 'client-1', clientSecret: canary } }), 201);
    await keep(h.call(h.a.memberKey, 'POST', `${ws}/connections/${JSON.parse(oauth.text).id}/authorize`));
    await keep(h.call(h.a.orgAdminKey, 'DELETE', `${ws}/connections/${JSON.parse(oauth.text).id}`));
    await keep(h.call(h.a.memberKey, 'GET', `/api/v1/audit`));
    await keep(h.call(h.a.orgAdminKey, 'GET', `/api/v1/audit?workspaceId=${h.a.workspaceId}`));

    // Every connection route was called (the list comes from the route table).
    const connectionRoutes = h.app.routeSpecs.filter((s) => s.url.includes('/connections') && !s.url.includes('/streams') && !s.url.includes('/records'));
    expect(connectionRoutes.map((s) => s.operationId).sort()).toEqual(
      ['authorizeConnection', 'createConnection', 'deleteConnection', 'disableConnection', 'enableConnection', 'getConnection', 'listConnections', 'reauthorizeConnection', 'testConnection']);
    for (const text of answers) expect(text).not.toContain(canary);
    const { rows } = await h.database.pool.query(`select json_agg(a)::text as audit from audit_log a`);
    expect(rows[0].audit).not.toContain(canary);
    expect(rows[0].audit).toContain('[REDACTED]');
    const { rows: stored } = await h.database.pool.query(`select json_agg(c)::text as c from connections c`);
    expect(stored[0].c).not.toContain(canary);
  });

  it('re-authorising validates the new secrets against the form and reactivates the connection', async () => {
    const created = await create({ credentials: { apiKey: canary } });
    const conn = `${ws}/connections/${created.body.id}`;
    await h.database.pool.query(`update connections set status = 'needs_reauth', status_reason = 'vendor said 401' where id = $1`, [created.body.id]);
    const missing = await h.call(h.a.memberKey, 'POST', `${conn}/reauthorize`, { credentials: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['credentials.apiKey']);
    const fixed = await h.call(h.a.memberKey, 'POST', `${conn}/reauthorize`, { credentials: { apiKey: 'good-key-1234' } });
    expect(fixed.body).toMatchObject({ status: 'active', statusReason: null });
  });
});

describe('streams: schedule and mapping', () => {
  let h: ApiHarness;
  let conn: string;
  beforeAll(async () => {
    h = await startApiHarness();
    const created = await h.call(h.a.memberKey, 'POST', `/api/v1/workspaces/${h.a.workspaceId}/connections`, { connectorId: 'fake', config: { subdomain: 'acme' }, credentials: { apiKey: 'good-k' } });
    conn = `/api/v1/workspaces/${h.a.workspaceId}/connections/${created.body.id}`;
    h.sourceRecords.push(
      { id: '1', data: { email: 'ADA@example.com', first: 'Ada', mail: 'ada@work.example.com' } },
      { id: '2', data: { email: 'broken', first: 'Bob', mail: 'bob@work.example.com' } },
    );
    await h.call(h.a.memberKey, 'POST', `${conn}/streams/contacts/runs`, {});
  });
  afterAll(async () => h?.close());

  it('lists the streams opened for the source objects', async () => {
    const streams = await h.call(h.a.memberKey, 'GET', `${conn}/streams`);
    expect(streams.body.items).toEqual([expect.objectContaining({ object: 'contacts', canonical: 'person', enabled: true, cron: '*/15 * * * *', mappingOverridden: false, running: false })]);
  });

  it('changes the cron and pauses a stream, refusing a malformed cron with the field named', async () => {
    const bad = await h.call(h.a.memberKey, 'PATCH', `${conn}/streams/contacts`, { cron: 'every tuesday' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('cron');
    const empty = await h.call(h.a.memberKey, 'PATCH', `${conn}/streams/contacts`, {});
    expect(empty.status).toBe(400);
    const paused = await h.call(h.a.memberKey, 'PATCH', `${conn}/streams/contacts`, { cron: '0 * * * *', enabled: false });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ cron: '0 * * * *', enabled: false });
    expect(new Date(paused.body.nextRunAt).getUTCMinutes()).toBe(0);
    expect((await h.call(h.a.memberKey, 'PATCH', `${conn}/streams/nope`, { enabled: true })).status).toBe(404);
  });

  it('reads, overrides and restores the mapping, validated by the mapping schema', async () => {
    const initial = await h.call(h.a.memberKey, 'GET', `${conn}/streams/contacts/mapping`);
    expect(initial.body).toMatchObject({ canonical: 'person', override: null });
    expect(initial.body.effective).toEqual(initial.body.default);
    const invalid = await h.call(h.a.memberKey, 'PUT', `${conn}/streams/contacts/mapping`, { mapping: [{ target: 'email', source: '', transform: 'shout' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['mapping.0.source', 'mapping.0.transform']);
    const mapping = [{ target: 'email', source: 'mail', transform: 'lowercase' }, { target: 'firstName', source: 'first', transform: 'none' }];
    const saved = await h.call(h.a.memberKey, 'PUT', `${conn}/streams/contacts/mapping`, { mapping });
    expect(saved.body.override).toEqual(mapping);
    expect(saved.body.effective).toEqual(mapping);
    expect((await h.call(h.a.memberKey, 'GET', `${conn}/streams`)).body.items[0].mappingOverridden).toBe(true);
    const restored = await h.call(h.a.memberKey, 'PUT', `${conn}/streams/contacts/mapping`, { mapping: null });
    expect(restored.body.override).toBeNull();
  });

  it('previews a proposed mapping on the latest stored records: canonical results and errors, nothing saved', async () => {
    const proposal = [{ target: 'email', source: 'email' }, { target: 'firstName', source: 'first' }, { target: 'properties.count', source: 'first', transform: 'number' }];
    const preview = await h.call(h.a.memberKey, 'POST', `${conn}/streams/contacts/mapping/preview`, { mapping: proposal, limit: 5 });
    expect(preview.status).toBe(200);
    expect(preview.body.sampled).toBe(1); // only the valid record was stored with its raw payload
    expect(preview.body.results[0]).toMatchObject({ externalId: '1', record: null });
    expect(preview.body.results[0].errors).toContainEqual({ field: 'first', message: '"Ada" is not a number' });
    const good = await h.call(h.a.memberKey, 'POST', `${conn}/streams/contacts/mapping/preview`, { mapping: [{ target: 'email', source: 'mail' }] });
    expect(good.body.results[0]).toEqual({ externalId: '1', record: { externalId: '1', email: 'ada@work.example.com' }, errors: [] });
    const defaults = await h.call(h.a.memberKey, 'POST', `${conn}/streams/contacts/mapping/preview`);
    expect(defaults.body.results[0].record).toMatchObject({ email: 'ada@example.com', firstName: 'Ada' });
    const { rows } = await h.database.pool.query('select mapping from streams');
    expect(rows[0].mapping).toBeNull();
    const { rows: audit } = await h.database.pool.query(`select count(*)::int as n from audit_log where action like '%preview%'`);
    expect(audit[0].n).toBe(0);
  });
});
