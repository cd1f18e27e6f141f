import type pg from 'pg';

export interface TenantFixture {
  orgId: string;
  workspaceId: string;
  connectionId: string;
}

/** An org, a workspace and a connection to hang test rows on. */
export async function createTenant(pool: pg.Pool, connectorId = 'fake', config: Record<string, unknown> = {}): Promise<TenantFixture> {
  const org = await pool.query<{ id: string }>(`insert into orgs (name) values ('Test org') returning id`);
  const ws = await pool.query<{ id: string }>(`insert into workspaces (org_id, name) values ($1, 'Test workspace') returning id`, [org.rows[0]!.id]);
  const conn = await pool.query<{ id: string }>(
    `insert into connections (workspace_id, connector_id, name, auth_method, config) values ($1, $2, 'Test connection', 'api_key', $3) returning id`,
    [ws.rows[0]!.id, connectorId, JSON.stringify(config)],
  );
  return { orgId: org.rows[0]!.id, workspaceId: ws.rows[0]!.id, connectionId: conn.rows[0]!.id };
}

export async function createStream(pool: pg.Pool, tenant: TenantFixture, object: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into streams (workspace_id, connection_id, object) values ($1, $2, $3) returning id`,
    [tenant.workspaceId, tenant.connectionId, object],
  );
  return rows[0]!.id;
}
