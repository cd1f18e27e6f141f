/**
 * One walk through the API as tenant A that touches every kind of object: a connection with a
 * canary secret (and a second one, deleted again), a sync with a rejected record, a mapping override, a replayed dead letter, a
 * load that is run and rolled back, a member and keys, and the three tiers of JSON connectors: a
 * platform-defined HTTP connector (versioned, kill-switch flipped both ways, one action run once),
 * an automation of org A on it (edited once), and workspace A's credentials for it. The tenancy and audit tests
 * build on it.
 */
import { expect } from 'vitest';
import type { ApiHarness } from './harness.js';

export interface Scenario {
  canary: string;
  connectionId: string;
  runId: string;
  deadLetterId: string;
  loadId: string;
  memberId: string;
  createdKeyId: string;
  /** The platform-tier JSON connector (a platform object: no tenant's data) and its action. */
  httpConnectorId: string;
  actionId: string;
  /** Org A's automation on it; workspace A stores its credentials (the canary) as a setting. */
  automationId: string;
  /** A bridge of workspace A between two channels of its chat connection. */
  bridgeId: string;
  /** Strings that only tenant A's data contains: none may appear in another tenant's answer. */
  markers: string[];
}

const ok = (status: number, expected: number, text: string) => expect(status, text).toBe(expected);

export async function runScenario(h: ApiHarness): Promise<Scenario> {
  const { a } = h;
  const canary = `canary-${Math.random().toString(36).slice(2)}-secret`;
  const ws = `/api/v1/workspaces/${a.workspaceId}`;
  h.sourceRecords.splice(0, h.sourceRecords.length,
    { id: 'p1', data: { email: 'Ada.Tenant-A@example.com', first: 'Ada', last: 'Lovelace-A' } },
    { id: 'p2', data: { email: 'grace.tenant-a@example.com', first: 'Grace', last: 'Hopper-A' } },
    { id: 'p3', data: { email: 'not an email', workEmail: 'cy.tenant-a@example.com', first: 'Cy' } });

  const created = await h.call(a.memberKey, 'POST', `${ws}/connections`, {
    connectorId: 'fake', name: 'Tenant A CRM', config: { subdomain: 'tenant-a' }, credentials: { apiKey: canary, webhookSecret: `${canary}-hook` },
  });
  ok(created.status, 201, created.text);
  const connectionId = created.body.id as string;
  const conn = `${ws}/connections/${connectionId}`;

  ok((await h.call(a.memberKey, 'POST', `${conn}/test`)).status, 200, 'test');
  ok((await h.call(a.memberKey, 'POST', `${conn}/reauthorize`, { credentials: { apiKey: canary } })).status, 200, 'reauthorize');
  ok((await h.call(a.memberKey, 'POST', `${conn}/disable`)).status, 200, 'disable');
  ok((await h.call(a.memberKey, 'POST', `${conn}/enable`)).status, 200, 'enable');
  ok((await h.call(a.memberKey, 'PATCH', `${conn}/streams/contacts`, { cron: '*/5 * * * *' })).status, 200, 'schedule');

  // An OAuth connection: authorize answers the vendor's consent URL (nothing is called yet).
  const oauth = await h.call(a.memberKey, 'POST', `${ws}/connections`, {
    connectorId: 'fake', name: 'Tenant A CRM (OAuth)', authMethod: 'oauth', config: { subdomain: 'tenant-a' }, credentials: { clientId: 'client-a', clientSecret: `${canary}-client` },
  });
  ok(oauth.status, 201, oauth.text);
  const consent = await h.call(a.memberKey, 'POST', `${ws}/connections/${oauth.body.id}/authorize`);
  ok(consent.status, 200, consent.text);
  expect(String(consent.body.authorizeUrl)).toMatch(/^https:\/\/login\.fake\.test\/authorize\?.*code_challenge_method=S256/);
  // The org admin deletes it again, secrets and all.
  ok((await h.call(a.orgAdminKey, 'DELETE', `${ws}/connections/${oauth.body.id}`)).status, 200, 'delete connection');

  const run = await h.call(a.memberKey, 'POST', `${conn}/streams/contacts/runs`, { mode: 'full' });
  ok(run.status, 202, run.text);
  expect(run.body).toMatchObject({ status: 'succeeded', stats: { created: 2, errors: 1 } });

  const letters = await h.call(a.memberKey, 'GET', `${ws}/dead-letters`);
  const deadLetterId = letters.body.items[0].id as string;
  const mapping = [{ target: 'email', source: 'workEmail', transform: 'lowercase' }, { target: 'firstName', source: 'first' }];
  ok((await h.call(a.memberKey, 'PUT', `${conn}/streams/contacts/mapping`, { mapping })).status, 200, 'mapping');
  const replayed = await h.call(a.memberKey, 'POST', `${ws}/dead-letters/${deadLetterId}/replay`);
  ok(replayed.status, 200, replayed.text);

  const load = await h.call(a.memberKey, 'POST', `${ws}/loads`, {
    connectionId, object: 'contacts', records: [{ op: 'upsert', fields: { email: 'load.tenant-a@example.com', name: 'Loaded A' } }], options: { dryRun: false },
  });
  ok(load.status, 201, load.text);
  const loadId = load.body.load.id as string;
  ok((await h.call(a.memberKey, 'POST', `${ws}/loads/${loadId}/run`)).status, 202, 'run load');
  ok((await h.call(a.memberKey, 'POST', `${ws}/loads/${loadId}/rollback`, {})).status, 200, 'rollback');

  const org = `/api/v1/orgs/${a.orgId}`;
  ok((await h.call(a.orgAdminKey, 'PATCH', org, { name: 'Org A (renamed)' })).status, 200, 'rename org');
  ok((await h.call(a.orgAdminKey, 'PUT', `${org}/allowlist`, { domains: ['*.fake.test', 'api.tenant-a.example'] })).status, 200, 'allowlist');
  ok((await h.call(a.orgAdminKey, 'PATCH', ws, { name: 'Workspace A (renamed)' })).status, 200, 'rename workspace');
  const spare = await h.call(a.orgAdminKey, 'POST', `${org}/workspaces`, { name: 'Workspace A2' });
  ok(spare.status, 201, spare.text);
  const member = await h.call(a.orgAdminKey, 'POST', `${org}/members`, { email: 'member.tenant-a@example.com', role: 'workspace_member', workspaceId: a.workspaceId });
  ok(member.status, 201, member.text);
  const gone = await h.call(a.orgAdminKey, 'POST', `${org}/members`, { email: 'leaver.tenant-a@example.com', role: 'org_admin' });
  ok((await h.call(a.orgAdminKey, 'DELETE', `${org}/members/${gone.body.id}`)).status, 200, 'delete member');
  const key = await h.call(a.orgAdminKey, 'POST', `${org}/api-keys`, { name: 'A automation key', role: 'workspace_member', workspaceId: a.workspaceId, memberId: member.body.id });
  ok(key.status, 201, key.text);
  const revoked = await h.call(a.orgAdminKey, 'POST', `${org}/api-keys`, { name: 'A old key', role: 'org_admin' });
  ok((await h.call(a.orgAdminKey, 'DELETE', `${org}/api-keys/${revoked.body.id}`)).status, 200, 'revoke');
  const newOrg = await h.call(h.platformKey, 'POST', '/api/v1/orgs', { name: 'Org C' });
  ok(newOrg.status, 201, newOrg.text);

  // The platform tier: a JSON connector, updated to a second version, disabled and enabled again.
  const httpConnectorId = 'scenario-hooks';
  const actionId = 'notify';
  const admin = `/admin/connector/${httpConnectorId}`;
  const definition = {
    connector_id: httpConnectorId, display_name: 'Scenario hooks', auth_type: 'bearer',
    auth_schema: { fields: [{ name: 'token', label: 'Token', type: 'password', secret: true, required: true }] },
    actions: [{
      action_id: actionId, http_method: 'POST', url_template: 'https://hooks.scenario.example/v1/contacts/{contact_id}',
      body_schema: { type: 'object', required: ['contact_id'], properties: { contact_id: { type: 'string' }, email: { type: 'string' } } },
    }],
    allowed_domains: ['hooks.scenario.example'], enabled: true,
  };
  const registered = await h.call(h.platformKey, 'POST', '/admin/connector', definition);
  ok(registered.status, 201, registered.text);
  const updated = await h.call(h.platformKey, 'PUT', admin, { ...definition, display_name: 'Scenario hooks v2' });
  ok(updated.status, 200, updated.text);
  expect(updated.body.version).toBe(2);
  ok((await h.call(h.platformKey, 'POST', `${admin}/disable`)).status, 200, 'disable connector');
  ok((await h.call(h.platformKey, 'POST', `${admin}/enable`)).status, 200, 'enable connector');

  // The workspace tier: A's credentials for it (the canary, write-only).
  const setting = await h.call(a.memberKey, 'PUT', `${ws}/settings/connector/${httpConnectorId}`, { enabled: true, config: { token: canary } });
  ok(setting.status, 200, setting.text);
  expect(setting.body).toEqual({ connector_id: httpConnectorId, enabled: true, configured: { token: true } });

  // The org tier: an automation of A on contacts' change events, disabled and enabled again.
  const automation = await h.call(a.orgAdminKey, 'POST', `${org}/automations`, {
    name: 'Tenant A contact hook', trigger: { type: 'change_event', object: 'contacts' }, connector_id: httpConnectorId, action_id: actionId,
    mapping: [{ target: 'contact_id', source: 'externalId' }, { target: 'email', source: 'data.email' }],
  });
  ok(automation.status, 201, automation.text);
  const automationId = automation.body.id as string;
  ok((await h.call(a.orgAdminKey, 'POST', `${org}/automations/${automationId}/disable`)).status, 200, 'disable automation');
  ok((await h.call(a.orgAdminKey, 'POST', `${org}/automations/${automationId}/enable`)).status, 200, 'enable automation');
  const edited = await h.call(a.orgAdminKey, 'PUT', `${org}/automations/${automationId}`, {
    name: 'Tenant A contact hook (edited)', trigger: { type: 'change_event', object: 'contacts', ops: ['insert', 'update'] }, connector_id: httpConnectorId, action_id: actionId,
    mapping: [{ target: 'contact_id', source: 'externalId' }, { target: 'email', source: 'data.email' }], enabled: true,
  });
  ok(edited.status, 200, edited.text);

  // One run of the action for workspace A: A's allowlist (set above) does not name the connector's
  // domain, so it is refused before any call leaves the process.
  const ran = await h.call(h.platformKey, 'POST', `${admin}/actions/${actionId}/run`, { workspace_id: a.workspaceId, inputs: { contact_id: 'p1', email: 'ada@example.com' } });
  ok(ran.status, 200, ran.text);
  expect(ran.body).toMatchObject({ status: 'ran', ok: false, error: { code: 'egress_org_not_allowed' } });

  // The event hub: a chat connection, a bridge paused and resumed, a second bridge removed.
  const chat = await h.call(a.memberKey, 'POST', `${ws}/connections`, {
    connectorId: 'fake-chat', name: 'Tenant A chat', config: {}, credentials: { token: `${canary}-bot`, signingSecret: `${canary}-signing` },
  });
  ok(chat.status, 201, chat.text);
  const ends = { a: { connection_id: chat.body.id, channel: 'C-tenant-a' }, b: { connection_id: chat.body.id, channel: 'C-tenant-a-2' } };
  const bridge = await h.call(a.memberKey, 'POST', `${ws}/bridges`, { name: 'Tenant A bridge', ...ends });
  ok(bridge.status, 201, bridge.text);
  const bridgeId = bridge.body.id as string;
  ok((await h.call(a.memberKey, 'PATCH', `${ws}/bridges/${bridgeId}`, { enabled: false })).status, 200, 'pause bridge');
  ok((await h.call(a.memberKey, 'PATCH', `${ws}/bridges/${bridgeId}`, { enabled: true })).status, 200, 'resume bridge');
  const spareBridge = await h.call(a.memberKey, 'POST', `${ws}/bridges`, { name: 'Spare bridge', ...ends });
  ok(spareBridge.status, 201, spareBridge.text);
  ok((await h.call(a.memberKey, 'DELETE', `${ws}/bridges/${spareBridge.body.id}`)).status, 200, 'delete bridge');

  return {
    canary, connectionId, runId: run.body.id, deadLetterId, loadId, memberId: member.body.id, createdKeyId: key.body.id,
    httpConnectorId, actionId, automationId, bridgeId,
    markers: [
      a.orgId, a.workspaceId, a.orgAdminKeyId, a.memberKeyId, connectionId, run.body.id, deadLetterId, loadId, member.body.id, key.body.id, spare.body.id,
      automationId, bridgeId, chat.body.id, 'tenant-a', 'Tenant A', 'Org A', 'Workspace A', canary,
    ],
  };
}
