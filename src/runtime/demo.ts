/**
 * The demo workspace `npm start` brings up: the bundled HubSpot and Stripe sandboxes (vendor
 * stand-ins on loopback, clearly labelled), connections to them, a first sync, and a small load
 * of Stripe customers into HubSpot contacts, so a newcomer sees a sync and a load at once.
 */
import { startHubspotSandbox, type HubspotSandbox } from '../../connectors/hubspot/sandbox/index.js';
import { startStripeSandbox, type StripeSandbox } from '../../connectors/stripe/sandbox/index.js';
import { SANDBOX_URL_KEY } from '../connections/index.js';
import { runSync } from '../stream/index.js';
import type { Runtime } from './runtime.js';

export const DEMO_WORKSPACE = 'Demo workspace (sandboxes)';

export interface DemoSandboxes {
  hubspot: HubspotSandbox;
  stripe: StripeSandbox;
  workspaceId: string;
  connections: { hubspot: string; stripe: string };
  /** Resolves when the first sync and the sample load have run. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

async function ensureWorkspace(runtime: Runtime): Promise<string> {
  const { pool } = runtime.database;
  const existing = await pool.query<{ id: string }>('select id from workspaces where is_demo limit 1');
  if (existing.rows[0]) return existing.rows[0].id;
  const org = await pool.query<{ id: string }>(`insert into orgs (name) values ('Demo org') returning id`);
  const ws = await pool.query<{ id: string }>(`insert into workspaces (org_id, name, is_demo) values ($1, $2, true) returning id`, [org.rows[0]!.id, DEMO_WORKSPACE]);
  return ws.rows[0]!.id;
}

/** Creates the connection once; on later starts points it at this start's sandbox and key. */
async function ensureConnection(runtime: Runtime, workspaceId: string, connectorId: string, authMethodId: string, name: string, secrets: Record<string, string>, baseUrl: string): Promise<string> {
  const { pool } = runtime.database;
  const found = await pool.query<{ id: string; config: Record<string, unknown> }>(
    'select id, config from connections where workspace_id = $1 and connector_id = $2 and name = $3 limit 1', [workspaceId, connectorId, name]);
  const row = found.rows[0];
  if (!row) {
    const created = await runtime.connections.create({ workspaceId, connectorId, name, authMethodId, config: {}, secrets, sandboxBaseUrl: baseUrl });
    return created.id;
  }
  await pool.query(`update connections set config = $2, status = 'active', status_reason = null where id = $1`, [row.id, JSON.stringify({ ...row.config, [SANDBOX_URL_KEY]: baseUrl })]);
  await runtime.credentials.write({ workspaceId, connectionId: row.id }, secrets);
  return row.id;
}

async function firstSyncAndLoad(runtime: Runtime, workspaceId: string, connections: { hubspot: string; stripe: string }): Promise<void> {
  const { pool } = runtime.database;
  const streams = await pool.query<{ id: string }>('select id from streams where connection_id = any($1) order by object', [[connections.stripe, connections.hubspot]]);
  for (const stream of streams.rows) await runSync(pool, runtime.connections, { streamId: stream.id }).catch((e: Error) => runtime.logger.warn({ stream: stream.id }, `demo sync failed: ${e.message}`));
  const already = await pool.query('select 1 from loads where workspace_id = $1 limit 1', [workspaceId]);
  if (already.rowCount) return;
  // A sample load: ten Stripe customers upserted into HubSpot contacts by email.
  const persons = await pool.query<{ data: { email?: string; firstName?: string; lastName?: string; phone?: string } }>(
    `select data from canonical_persons where connection_id = $1 and deleted_at is null and data ? 'email' order by external_id limit 10`, [connections.stripe]);
  const records = persons.rows.map(({ data }) => ({ op: 'upsert' as const, fields: { email: data.email, firstname: data.firstName, lastname: data.lastName, phone: data.phone } }));
  if (records.length === 0) return;
  const plan = await runtime.loads.plan({ workspaceId, connectionId: connections.hubspot, object: 'contacts', records });
  await runtime.loads.run(plan.loadId);
}

export async function startDemo(runtime: Runtime): Promise<DemoSandboxes> {
  // Fixed seeds: the same vendor data on every start, so the demo's records stay stable.
  const hubspot = await startHubspotSandbox({ seed: { contacts: 120, companies: 40, notes: 60 }, randomSeed: 7 });
  const stripe = await startStripeSandbox({ seed: 7, apiKey: 'sk_test_forgeworksdemo0000000000000000' });
  for (const object of ['customers', 'charges', 'invoices'] as const) stripe.seed(object, object === 'customers' ? 80 : 30);
  const workspaceId = await ensureWorkspace(runtime);
  const connections = {
    hubspot: await ensureConnection(runtime, workspaceId, 'hubspot', 'private_app', 'HubSpot (sandbox)', { token: hubspot.token }, hubspot.baseUrl),
    stripe: await ensureConnection(runtime, workspaceId, 'stripe', 'secret_key', 'Stripe (sandbox)', { apiKey: stripe.apiKey }, stripe.baseUrl),
  };
  runtime.logger.info({ hubspot: hubspot.baseUrl, stripe: stripe.baseUrl, workspaceId }, 'demo workspace wired to the bundled sandboxes (vendor stand-ins on loopback, not the real services)');
  const ready = firstSyncAndLoad(runtime, workspaceId, connections).catch((e: Error) => runtime.logger.warn(`demo set-up incomplete: ${e.message}`));
  return {
    hubspot, stripe, workspaceId, connections, ready,
    stop: async () => { await ready; await hubspot.stop(); await stripe.stop(); },
  };
}
