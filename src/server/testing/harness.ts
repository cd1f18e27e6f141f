/**
 * The API under test: real PostgreSQL, the real ConnectionService, CredentialStore and
 * LoadService, the JSON connector tiers (HttpConnectorStore, WorkspaceSettings), and a small fake
 * connector (an in-memory source, the in-memory destination of test/support) so no vendor and no
 * other team's connector is involved. Two tenants, A and B,
 * each with an org admin key and a workspace member key, plus a platform admin key.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { MemoryVendor } from '../../../test/support/memory-destination.js';
import { ConnectionService } from '../../connections/index.js';
import { silentLogger } from '../../core/index.js';
import { openKeySource } from '../../credentials/index.js';
import { CredentialStore } from '../../credentials/store.js';
import { HttpConnectorStore, WorkspaceSettings } from '../../http-connectors/index.js';
import { Hub } from '../../hub/index.js';
import { LoadService } from '../../load/index.js';
import { ConnectorRegistry, type CaptureContext, type ConnectorContext, type InboundOutcome, type InboundRequest, type ReadOptions, type SourceRecord } from '../../registry/index.js';
import { storeApiKey, type Role } from '../api-keys.js';
import { buildServer } from '../app.js';

// Answers are JSON of many shapes; tests read them loosely and assert what they care about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Answer {
  status: number;
  body: Body;
  text: string;
}

export interface Tenant {
  orgId: string;
  workspaceId: string;
  orgAdminKey: string;
  orgAdminKeyId: string;
  memberKey: string;
  memberKeyId: string;
}

export interface ApiHarness {
  database: TestDatabase;
  app: FastifyInstance;
  vendor: MemoryVendor;
  /** What the fake source answers on the next read. */
  sourceRecords: SourceRecord[];
  /** When set, the fake source throws this instead of answering. */
  sourceFault: { error: Error | null };
  platformKey: string;
  a: Tenant;
  b: Tenant;
  call(key: string | null, method: string, url: string, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

export function fakeRegistry(vendor: MemoryVendor, sourceRecords: SourceRecord[], sourceFault: { error: Error | null } = { error: null }): ConnectorRegistry {
  const registry = new ConnectorRegistry();
  registry.register({
    id: 'fake', name: 'Fake CRM', version: '1.0.0', category: 'crm', docsUrl: 'https://docs.fake.test/',
    auth: [{
      id: 'token', type: 'api_key', label: 'API token', placement: { in: 'header', name: 'X-Api-Key' },
      fields: [
        { name: 'apiKey', label: 'API key', type: 'password', required: true, secret: true },
        { name: 'webhookSecret', label: 'Webhook secret', type: 'password', secret: true },
      ],
    }, {
      id: 'oauth', type: 'oauth2_authorization_code', label: 'OAuth app',
      fields: [
        { name: 'clientId', label: 'Client ID', type: 'text', required: true },
        { name: 'clientSecret', label: 'Client secret', type: 'password', secret: true, required: true },
      ],
      oauth: { authorizeUrl: 'https://login.fake.test/authorize', tokenUrl: 'https://login.fake.test/token', scopes: ['contacts.read'] },
    }],
    connection: [{ name: 'subdomain', label: 'Subdomain', type: 'text', required: true, pattern: '^[a-z0-9-]+$' }],
    allowedDomains: ['*.fake.test'],
    baseUrl: 'https://{subdomain}.fake.test/api',
    objects: [{
      name: 'contacts', label: 'Contacts', canonical: 'person', primaryKey: 'id', naturalKey: 'email',
      mapping: [{ target: 'email', source: 'email', transform: 'lowercase' }, { target: 'firstName', source: 'first' }, { target: 'lastName', source: 'last' }],
      destinationMapping: [{ target: 'email', source: 'email' }, { target: 'name', source: 'firstName' }],
      source: {
        deletes: 'reconcile',
        read: async function* (_ctx: ConnectorContext, _options: ReadOptions) {
          if (sourceFault.error) throw sourceFault.error;
          yield { records: sourceRecords.map((r) => ({ ...r, data: { ...r.data } })), cursor: { at: 'c1' }, hasMore: false };
        },
      },
      destination: vendor.destination(10),
    }],
    // Echoes the key it was given when refusing: the API must scrub that before answering.
    testConnection: async (ctx: ConnectorContext) => {
      const { apiKey } = await ctx.credentials();
      return apiKey?.startsWith('good-') ? { ok: true } : { ok: false, message: `the vendor refused the key ${apiKey}` };
    },
    guide: { steps: ['Settings → API → create a token'] },
  });
  registry.register(fakeChatConnector());
  return registry;
}

export interface HarnessOptions {
  /** A queue stand-in: runs are then queued instead of run in the request. */
  boss?: PgBoss;
}

export async function startApiHarness(options: HarnessOptions = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const vendor = new MemoryVendor(3);
  const sourceRecords: SourceRecord[] = [];
  const sourceFault = { error: null as Error | null };
  const registry = fakeRegistry(vendor, sourceRecords, sourceFault);
  const keys = openKeySource({ envKey: randomBytes(32).toString('hex'), dataDir: tmpdir(), mayGenerate: false });
  const credentials = new CredentialStore(database.pool, keys);
  const connections = new ConnectionService({ pool: database.pool, registry, credentials, logger: silentLogger, allowSandbox: false });
  const loads = new LoadService({ pool: database.pool, contexts: connections, logger: silentLogger });
  const app = await buildServer({
    db: database.db, registry, logger: silentLogger, ping: async () => { await database.pool.query('select 1'); },
    services: {
      pool: database.pool, connections, loads, boss: options.boss,
      // The three tiers of JSON connectors; the sandbox policy lets a definition name a loopback stand-in.
      httpConnectors: new HttpConnectorStore(database.pool), settings: new WorkspaceSettings(database.pool, keys), allowSandbox: true,
      keys, credentials, hub: new Hub({ pool: database.pool, registry, connections, credentials, logger: silentLogger }),
    },
  });
  await app.ready();

  const newKey = async (name: string, role: Role, orgId: string | null, workspaceId: string | null) => {
    const key = `fw_${randomBytes(24).toString('base64url')}`;
    const id = await storeApiKey(database.db, key, { name, role, orgId, workspaceId });
    return { key, id };
  };
  const tenant = async (label: string): Promise<Tenant> => {
    const org = await database.pool.query<{ id: string }>('insert into orgs (name) values ($1) returning id', [`Org ${label}`]);
    const orgId = org.rows[0]!.id;
    const ws = await database.pool.query<{ id: string }>('insert into workspaces (org_id, name) values ($1, $2) returning id', [orgId, `Workspace ${label}`]);
    const workspaceId = ws.rows[0]!.id;
    const admin = await newKey(`${label} admin`, 'org_admin', orgId, null);
    const member = await newKey(`${label} member`, 'workspace_member', orgId, workspaceId);
    return { orgId, workspaceId, orgAdminKey: admin.key, orgAdminKeyId: admin.id, memberKey: member.key, memberKeyId: member.id };
  };
  const platform = await newKey('platform', 'platform_admin', null, null);
  const a = await tenant('A');
  const b = await tenant('B');

  return {
    database, app, vendor, sourceRecords, sourceFault, platformKey: platform.key, a, b,
    async call(key, method, url, body) {
      const res = await app.inject({
        method: method as 'GET', url,
        headers: key ? { authorization: `Bearer ${key}` } : {},
        ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
      });
      let parsed: Body = null;
      try { parsed = res.json(); } catch { parsed = null; }
      return { status: res.statusCode, body: parsed, text: res.body };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A chat connector kept in memory, so bridges can be created and walked by the API tests: it
 * posts, edits and deletes nothing real, and accepts a delivery whose `x-fake-signature` header
 * equals the connection's signing secret.
 */
export function fakeChatConnector() {
  let next = 0;
  return {
    id: 'fake-chat', name: 'Fake Chat', version: '1.0.0', category: 'messaging' as const, docsUrl: 'https://docs.fake.test/chat',
    auth: [{ id: 'bot', type: 'bearer' as const, label: 'Bot token', fields: [
      { name: 'token', label: 'Bot token', type: 'password' as const, required: true, secret: true },
      { name: 'signingSecret', label: 'Signing secret', type: 'password' as const, required: true, secret: true },
    ] }],
    allowedDomains: ['chat.fake.test'], baseUrl: 'https://chat.fake.test',
    messaging: {
      send: async () => ({ id: `m${++next}` }),
      update: async () => {},
      delete: async () => {},
      capture: (request: InboundRequest, context: CaptureContext): InboundOutcome => request.headers['x-fake-signature'] === context.secrets.signingSecret
        ? { kind: 'events', events: [] }
        : { kind: 'refused', status: 401, reason: 'bad signature' },
    },
    testConnection: async () => ({ ok: true }),
    guide: { steps: ['Create a bot'] },
  };
}
