/**
 * Inbound deliveries at the hub: a refused one is answered with the connector's status and
 * logged, scrubbed of every secret of the connection even when a careless connector puts one in
 * its reason; a handshake is answered verbatim; an accepted one reaches the bridges listening on
 * its channel and no other.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { createTenant } from '../../test/support/tenancy.js';
import { ConnectionService } from '../connections/index.js';
import { createLogger } from '../core/index.js';
import { CredentialStore, openKeySource } from '../credentials/index.js';
import { ConnectorRegistry, type CaptureContext, type InboundRequest } from '../registry/index.js';
import { handleInbound, type HubEventJob } from './inbound.js';
import { BridgeStore } from './store.js';

const CANARY = `canary-${randomBytes(6).toString('hex')}-signing`;

function chatConnector() {
  return {
    id: 'leaky-chat', name: 'Leaky Chat', version: '1.0.0', category: 'messaging' as const, docsUrl: 'https://docs.chat.test/',
    auth: [{ id: 'bot', type: 'bearer' as const, label: 'Bot', fields: [
      { name: 'token', label: 'Token', type: 'password' as const, required: true, secret: true },
      { name: 'signingSecret', label: 'Signing secret', type: 'password' as const, required: true, secret: true },
    ] }],
    allowedDomains: ['chat.test'], baseUrl: 'https://chat.test',
    messaging: {
      send: async () => ({ id: 'x' }), update: async () => {}, delete: async () => {},
      capture: (request: InboundRequest, context: CaptureContext) => {
        if (request.query.challenge) return { kind: 'reply' as const, status: 200, contentType: 'text/plain', body: request.query.challenge };
        if (request.headers['x-signature'] !== context.secrets.signingSecret) {
          // A careless connector: its reason names the secret it expected.
          return { kind: 'refused' as const, status: 401, reason: `signature ${request.headers['x-signature']} is not ${context.secrets.signingSecret}` };
        }
        const { channel } = JSON.parse(request.rawBody) as { channel: string };
        return { kind: 'events' as const, events: [{ eventId: 'e1', type: 'posted' as const, channel, messageId: 'm1', text: 'hi', occurredAt: new Date().toISOString() }] };
      },
    },
    testConnection: async () => ({ ok: true }),
    guide: { steps: ['Create a bot'] },
  };
}

describe('inbound deliveries', () => {
  let database: TestDatabase;
  let connectionId: string;
  let bridgeId: string;
  const lines: string[] = [];
  const dispatched: HubEventJob[] = [];
  let deps: Parameters<typeof handleInbound>[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    const registry = new ConnectorRegistry();
    registry.register(chatConnector());
    const credentials = new CredentialStore(database.pool, openKeySource({ envKey: randomBytes(32).toString('hex'), dataDir: tmpdir(), mayGenerate: false }));
    const logger = createLogger({ level: 'debug', destination: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }) });
    const connections = new ConnectionService({ pool: database.pool, registry, credentials, logger, allowSandbox: false });
    const tenant = await createTenant(database.pool);
    connectionId = (await connections.create({ workspaceId: tenant.workspaceId, connectorId: 'leaky-chat', name: 'chat', authMethodId: 'bot', config: {}, secrets: { token: `${CANARY}-token`, signingSecret: CANARY } })).id;
    const bridges = new BridgeStore(database.pool, registry);
    bridgeId = (await bridges.create(tenant.workspaceId, { name: 'b', a: { connectionId, channel: 'C1' }, b: { connectionId, channel: 'C2' } })).id;
    deps = { pool: database.pool, registry, credentials, bridges, logger, dispatch: async (job) => { dispatched.push(job); } };
  });
  afterAll(async () => database?.close());

  const request = (headers: Record<string, string>, body: unknown, query: Record<string, string> = {}): InboundRequest => ({
    method: 'POST', headers, query, rawBody: JSON.stringify(body), receivedAtMs: Date.now(),
  });

  it('refuses a forged delivery and logs why without the secret', async () => {
    const answer = await handleInbound(deps, connectionId, request({ 'x-signature': 'forged' }, { channel: 'C1' }));
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain(CANARY);
    const logged = lines.filter((l) => l.includes('inbound delivery refused'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('signature forged is not [REDACTED]');
    expect(lines.join('\n')).not.toContain(CANARY);
    expect(dispatched).toHaveLength(0);
  });

  it('answers a handshake verbatim', async () => {
    const answer = await handleInbound(deps, connectionId, request({}, {}, { challenge: 'abc123' }));
    expect(answer).toEqual({ status: 200, contentType: 'text/plain', body: 'abc123' });
  });

  it('hands an accepted event to the bridges listening on its channel, and to no bridge for another channel', async () => {
    expect((await handleInbound(deps, connectionId, request({ 'x-signature': CANARY }, { channel: 'C2' }))).status).toBe(200);
    expect(dispatched).toEqual([expect.objectContaining({ bridgeId, side: 'b', event: expect.objectContaining({ messageId: 'm1' }) })]);
    expect((await handleInbound(deps, connectionId, request({ 'x-signature': CANARY }, { channel: 'C9' }))).status).toBe(200);
    expect(dispatched).toHaveLength(1);
  });

  it('answers 404 for a connection that is not a chat connection', async () => {
    expect((await handleInbound(deps, '00000000-0000-0000-0000-000000000000', request({}, {}))).status).toBe(404);
  });
});
