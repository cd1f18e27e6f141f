import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { connections, orgs, workspaces, changeLog } from './schema.js';

describe('database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('has every table of the design, migrated', async () => {
    const { rows } = await database.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    const names = rows.map((r) => r.table_name);
    for (const table of ['orgs', 'workspaces', 'connections', 'credentials', 'sync_runs', 'change_log', 'canonical_persons',
      'canonical_accounts', 'canonical_activities', 'dead_letters', 'loads', 'load_items', 'audit_log']) {
      expect(names).toContain(table);
    }
  });

  it('orders change events by a sequence and scopes them by tenant', async () => {
    const [org] = await database.db.insert(orgs).values({ name: 'Acme' }).returning();
    const [ws] = await database.db.insert(workspaces).values({ orgId: org!.id, name: 'main' }).returning();
    const [conn] = await database.db.insert(connections).values({ workspaceId: ws!.id, connectorId: 'stripe', name: 's', authMethod: 'api_key' }).returning();
    await database.db.insert(changeLog).values([
      { workspaceId: ws!.id, connectionId: conn!.id, object: 'customers', externalId: 'a', op: 'insert', canonicalType: 'person' },
      { workspaceId: ws!.id, connectionId: conn!.id, object: 'customers', externalId: 'a', op: 'update', canonicalType: 'person' },
    ]);
    const events = await database.db.select().from(changeLog).where(eq(changeLog.workspaceId, ws!.id)).orderBy(changeLog.seq);
    expect(events.map((e) => e.op)).toEqual(['insert', 'update']);
    expect(events[1]!.seq).toBeGreaterThan(events[0]!.seq);
  });

  it('refuses a connection without a tenant', async () => {
    await expect(database.pool.query("insert into connections (connector_id, name, auth_method) values ('x','x','x')")).rejects.toThrow(/workspace_id/);
  });
});
