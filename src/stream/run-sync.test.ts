import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { createStream, createTenant, type TenantFixture } from '../../test/support/tenancy.js';
import { ConnectorError, createHttpExecutor, silentLogger } from '../core/index.js';
import { ConnectorRegistry, type ConnectorContext, type Page, type SourceRecord } from '../registry/index.js';
import { advance, type DatetimeCursor } from './cursor.js';
import { runSync, StreamBusyError, type ContextFactory } from './run-sync.js';

const CANARY = 'canary-SECRET-stream-4411';

/** A vendor held in memory: records with an `updated` time, read ascending in pages of `pageSize`. */
class FakeVendor {
  records = new Map<string, { id: string; email: string; name: string; updated: number }>();
  pageSize = 3;
  failAfterPages: number | null = null;
  pagesServed = 0;

  async *read(_ctx: ConnectorContext, { cursor }: { cursor: unknown }): AsyncGenerator<Page> {
    const since = (cursor as DatetimeCursor | null)?.since;
    const sinceMs = since ? new Date(since).getTime() : -Infinity;
    const all = [...this.records.values()].filter((r) => r.updated >= sinceMs).sort((a, b) => a.updated - b.updated || a.id.localeCompare(b.id));
    let hw: DatetimeCursor | undefined = since ? { since } : undefined;
    for (let i = 0; i < all.length || i === 0; i += this.pageSize) {
      if (this.failAfterPages !== null && this.pagesServed >= this.failAfterPages) throw new ConnectorError('vendor fell over', { kind: 'transient', status: 503 });
      this.pagesServed++;
      const slice = all.slice(i, i + this.pageSize);
      const records: SourceRecord[] = slice.map((r) => ({ id: r.id, data: { ...r } }));
      for (const r of slice) hw = advance(hw, new Date(r.updated));
      yield { records, cursor: hw ?? null, hasMore: i + this.pageSize < all.length };
      if (all.length === 0) return;
    }
  }
}

function registryFor(vendor: FakeVendor): ConnectorRegistry {
  const registry = new ConnectorRegistry();
  registry.register({
    id: 'fake', name: 'Fake', version: '1.0.0', category: 'crm', docsUrl: 'https://fake.test/', baseUrl: 'https://api.fake.test',
    auth: [{ id: 'token', type: 'bearer', label: 'Token', fields: [{ name: 'token', label: 'Token', type: 'password', secret: true, required: true }] }],
    allowedDomains: ['api.fake.test'], testConnection: async () => ({ ok: true }), guide: { steps: ['n/a'] },
    objects: [{
      name: 'contacts', label: 'Contacts', canonical: 'person', primaryKey: 'id',
      mapping: [{ target: 'email', source: 'email', transform: 'lowercase' }, { target: 'firstName', source: 'name' }],
      source: { read: (ctx: ConnectorContext, o: { cursor: unknown }) => vendor.read(ctx, o), deletes: 'reconcile' },
    }],
  });
  return registry;
}

function contexts(registry: ConnectorRegistry, tenant: TenantFixture): ContextFactory {
  return {
    async contextFor(_id, { signal }) {
      const http = createHttpExecutor({ connectorId: 'fake', connectionKey: tenant.connectionId, egress: { allowedDomains: ['api.fake.test'] } });
      const ctx: ConnectorContext = { http, config: {}, credentials: async () => ({ token: CANARY }), logger: silentLogger, signal, tenant };
      return { ctx, definition: registry.get('fake'), secrets: [CANARY] };
    },
  };
}

describe('runSync', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => database.close());

  async function setup() {
    const vendor = new FakeVendor();
    const tenant = await createTenant(database.pool);
    const streamId = await createStream(database.pool, tenant, 'contacts');
    return { vendor, tenant, streamId, factory: contexts(registryFor(vendor), tenant) };
  }
  const events = async (tenant: TenantFixture) => (await database.pool.query<{ external_id: string; op: string }>(
    'select external_id, op from change_log where connection_id = $1 order by seq', [tenant.connectionId])).rows;
  const persons = async (tenant: TenantFixture) => (await database.pool.query<{ external_id: string; data: Record<string, unknown>; deleted_at: Date | null }>(
    'select external_id, data, deleted_at from canonical_persons where connection_id = $1 order by external_id', [tenant.connectionId])).rows;

  it('runs a full sync first, then incremental ones that log only real changes', async () => {
    const { vendor, tenant, streamId, factory } = await setup();
    for (let i = 1; i <= 7; i++) vendor.records.set(`p${i}`, { id: `p${i}`, email: `P${i}@Example.com`, name: `P${i}`, updated: 1000 * i });
    const first = await runSync(database.pool, factory, { streamId });
    expect(first.stats).toEqual({ created: 7, updated: 0, deleted: 0, errors: 0 });
    expect((await persons(tenant))[0]!.data).toMatchObject({ externalId: 'p1', email: 'p1@example.com', firstName: 'P1' });

    vendor.records.set('p3', { id: 'p3', email: 'p3@example.com', name: 'Renamed', updated: 9000 });
    const second = await runSync(database.pool, factory, { streamId });
    // The boundary record (updated == checkpoint) is re-read but is no change.
    expect(second.stats).toEqual({ created: 0, updated: 1, deleted: 0, errors: 0 });
    expect((await events(tenant)).filter((e) => e.op === 'update')).toEqual([{ external_id: 'p3', op: 'update' }]);
    const run = await database.pool.query('select status, result from sync_runs where stream_id = $1 order by created_at', [streamId]);
    expect(run.rows.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(run.rows[1].result).toMatchObject({ hasMore: false, stats: { updated: 1 }, cursor: { since: new Date(9000).toISOString() } });
    expect(run.rows[1].result.syncedAt).toEqual(expect.any(String));
  });

  it('reconciles deletes only after a complete full read', async () => {
    const { vendor, tenant, streamId, factory } = await setup();
    for (let i = 1; i <= 5; i++) vendor.records.set(`p${i}`, { id: `p${i}`, email: `p${i}@x.com`, name: 'x', updated: i });
    await runSync(database.pool, factory, { streamId });
    vendor.records.delete('p2');
    vendor.failAfterPages = vendor.pagesServed + 1;
    await expect(runSync(database.pool, factory, { streamId, mode: 'full' })).rejects.toThrow('vendor fell over');
    expect((await persons(tenant)).filter((p) => p.deleted_at)).toEqual([]);
    vendor.failAfterPages = null;
    const result = await runSync(database.pool, factory, { streamId, mode: 'full' });
    expect(result.stats.deleted).toBe(1);
    expect((await persons(tenant)).filter((p) => p.deleted_at).map((p) => p.external_id)).toEqual(['p2']);
    expect((await events(tenant)).filter((e) => e.op === 'delete')).toEqual([{ external_id: 'p2', op: 'delete' }]);
  });

  it('resumes from the last checkpoint after a failure, with no change event doubled', async () => {
    const { vendor, tenant, streamId, factory } = await setup();
    for (let i = 1; i <= 10; i++) vendor.records.set(`p${String(i).padStart(2, '0')}`, { id: `p${String(i).padStart(2, '0')}`, email: `p${i}@x.com`, name: 'x', updated: i * 10 });
    vendor.failAfterPages = 2;
    await expect(runSync(database.pool, factory, { streamId })).rejects.toThrow();
    expect(await persons(tenant)).toHaveLength(6);
    const failed = await database.pool.query("select error from sync_runs where stream_id = $1 and status = 'failed'", [streamId]);
    expect(failed.rows[0].error).toMatchObject({ kind: 'transient' });
    vendor.failAfterPages = null;
    await runSync(database.pool, factory, { streamId });
    expect(await persons(tenant)).toHaveLength(10);
    const inserts = (await events(tenant)).filter((e) => e.op === 'insert').map((e) => e.external_id);
    expect(inserts).toHaveLength(10);
    expect(new Set(inserts).size).toBe(10);
  });

  it('dedupes within a page (latest wins) and dead-letters malformed records, scrubbed', async () => {
    const { tenant, streamId } = await setup();
    const registry = new ConnectorRegistry();
    const pages: Page[] = [{ records: [
      { id: 'a', data: { email: 'old@x.com', name: 'Old' } },
      { id: 'b', data: { email: `not-an-email ${CANARY}`, name: 'Bad', token: CANARY } },
      { id: 'a', data: { email: 'new@x.com', name: 'New' } },
    ], cursor: null, hasMore: false }];
    const vendor = new FakeVendor();
    vendor.read = async function* () { yield* pages; };
    registry.register({ ...registryFor(vendor).get('fake') });
    const result = await runSync(database.pool, contexts(registry, tenant), { streamId });
    expect(result.stats).toEqual({ created: 1, updated: 0, deleted: 0, errors: 1 });
    expect((await persons(tenant))[0]!.data).toMatchObject({ email: 'new@x.com', firstName: 'New' });
    const dead = await database.pool.query('select external_id, reason, fields, payload from dead_letters where connection_id = $1', [tenant.connectionId]);
    expect(dead.rows[0]).toMatchObject({ external_id: 'b' });
    expect(dead.rows[0].fields.map((f: { field: string }) => f.field)).toEqual(['email']);
    expect(JSON.stringify(dead.rows[0])).not.toContain(CANARY);
  });

  it('allows one run per stream at a time', async () => {
    const { vendor, streamId, factory } = await setup();
    vendor.records.set('a', { id: 'a', email: 'a@x.com', name: 'A', updated: 1 });
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const original = vendor.read.bind(vendor);
    vendor.read = async function* (ctx, o) { await gate; yield* original(ctx, o); };
    const first = runSync(database.pool, factory, { streamId });
    await new Promise((r) => setTimeout(r, 100));
    await expect(runSync(database.pool, factory, { streamId })).rejects.toBeInstanceOf(StreamBusyError);
    release();
    await expect(first).resolves.toMatchObject({ stats: { created: 1 } });
  });

  it('flags the connection for re-auth when the vendor answers 401', async () => {
    const { vendor, tenant, streamId, factory } = await setup();
    vendor.read = async function* () { throw new ConnectorError('fake answered 401', { kind: 'permanent', status: 401 }); };
    await expect(runSync(database.pool, factory, { streamId })).rejects.toThrow('401');
    const conn = await database.pool.query('select status from connections where id = $1', [tenant.connectionId]);
    expect(conn.rows[0].status).toBe('needs_reauth');
  });
});
