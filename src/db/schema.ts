/**
 * The Drizzle schema: the one source of truth for tables. Migrations in /drizzle are generated
 * from it (`npm run db:generate`) and checked in; a changed table is a new migration, never an
 * edited one. Every tenant-owned row carries `workspace_id` (and org rows `org_id`), so every
 * query can be scoped and every index starts with the tenant.
 */
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const orgs = pgTable('orgs', {
  id: id(),
  name: text('name').notNull(),
  /** Settings → Integrations: hosts this org allows on top of each connector's own list. */
  domainAllowlist: jsonb('domain_allowlist').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const workspaces = pgTable('workspaces', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  name: text('name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [index('workspaces_org_idx').on(t.orgId)]);

export const members = pgTable('members', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  /** null: every workspace of the org (org admins). */
  workspaceId: uuid('workspace_id').references(() => workspaces.id),
  email: text('email').notNull(),
  role: text('role').$type<'platform_admin' | 'org_admin' | 'workspace_member'>().notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('members_org_email_idx').on(t.orgId, t.email)]);

export const apiKeys = pgTable('api_keys', {
  id: id(),
  /** null for the platform admin's key. */
  orgId: uuid('org_id').references(() => orgs.id),
  workspaceId: uuid('workspace_id').references(() => workspaces.id),
  memberId: uuid('member_id').references(() => members.id),
  name: text('name').notNull(),
  role: text('role').$type<'platform_admin' | 'org_admin' | 'workspace_member'>().notNull(),
  /** The first characters, shown in lists so a person can tell keys apart. */
  prefix: text('prefix').notNull(),
  /** SHA-256 of the whole key: keys are high-entropy random, so a slow hash buys nothing. */
  hash: text('hash').notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('api_keys_hash_idx').on(t.hash)]);

export const connections = pgTable('connections', {
  id: id(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectorId: text('connector_id').notNull(),
  name: text('name').notNull(),
  authMethod: text('auth_method').notNull(),
  /** Non-secret connection fields (subdomain, instance URL, account id). Secrets live in `credentials`. */
  config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
  status: text('status').$type<'active' | 'needs_reauth' | 'disabled' | 'error'>().notNull().default('active'),
  statusReason: text('status_reason'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('connections_workspace_idx').on(t.workspaceId)]);

export const credentials = pgTable('credentials', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  /** Versioned AES-256-GCM ciphertext; AAD binds it to this tenant and connection. */
  ciphertext: bytea('ciphertext').notNull(),
  keyId: text('key_id').notNull(),
  /** Bumped on every write: optimistic concurrency for refresh-token rotation. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A short lease so one worker refreshes an OAuth token while the others wait and re-read. */
export const credentialLeases = pgTable('credential_leases', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  owner: text('owner').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Pending OAuth authorization-code flows: state → PKCE verifier, bound to a connection. */
export const oauthStates = pgTable('oauth_states', {
  state: text('state').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  codeVerifier: bytea('code_verifier').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Shared rate-limit windows: every worker process counts against the same row. */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').notNull(),
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  count: integer('count').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.key, t.windowStart] })]);

/** One row per (connection, object): the checkpoint and the schedule of a stream. */
export const streams = pgTable('streams', {
  id: id(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  object: text('object').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  cron: text('cron').notNull().default('*/15 * * * *'),
  /** The last committed cursor; a crash resumes from here. */
  cursor: jsonb('cursor').$type<unknown>(),
  /** Where an interrupted full read stands (page cursor), so it resumes instead of restarting. */
  fullSyncCursor: jsonb('full_sync_cursor').$type<unknown>(),
  fullSyncRunId: uuid('full_sync_run_id'),
  /** The run holding the stream: one run per stream at a time, across every worker. */
  leaseOwner: uuid('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastFullSyncAt: timestamp('last_full_sync_at', { withTimezone: true }),
  /** When the scheduler next enqueues an incremental run (from `cron`). */
  nextRunAt: timestamp('next_run_at', { withTimezone: true }),
  /** Per-connection override of the connector's default field mapping. */
  mapping: jsonb('mapping').$type<unknown>(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('streams_connection_object_idx').on(t.connectionId, t.object), index('streams_workspace_idx').on(t.workspaceId)]);

export const syncRuns = pgTable('sync_runs', {
  id: id(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  streamId: uuid('stream_id').notNull().references(() => streams.id, { onDelete: 'cascade' }),
  object: text('object').notNull(),
  mode: text('mode').$type<'full' | 'incremental'>().notNull(),
  status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull().default('queued'),
  /** SyncResult: records, cursor, hasMore, syncedAt, stats {created, updated, deleted, errors}. */
  result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
  error: jsonb('error').$type<Record<string, unknown>>(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [index('sync_runs_workspace_idx').on(t.workspaceId, t.createdAt), index('sync_runs_stream_idx').on(t.streamId, t.createdAt)]);

const canonicalColumns = () => ({
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  object: text('object').notNull(),
  externalId: text('external_id').notNull(),
  /** The canonical record (validated by the zod schema of its type). */
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  /** The vendor's payload as read, for re-mapping without a re-sync. */
  raw: jsonb('raw').$type<unknown>(),
  /** Hash of `data`: an unchanged record is no update and no change event. */
  hash: text('hash').notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  /** The full sync that last saw the record: reconciliation deletes those an entire read missed. */
  seenRunId: uuid('seen_run_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
});

export const canonicalPersons = pgTable('canonical_persons', canonicalColumns(), (t) => [
  primaryKey({ columns: [t.workspaceId, t.connectionId, t.object, t.externalId] }),
]);
export const canonicalAccounts = pgTable('canonical_accounts', canonicalColumns(), (t) => [
  primaryKey({ columns: [t.workspaceId, t.connectionId, t.object, t.externalId] }),
]);
export const canonicalActivities = pgTable('canonical_activities', canonicalColumns(), (t) => [
  primaryKey({ columns: [t.workspaceId, t.connectionId, t.object, t.externalId] }),
]);

export const changeLog = pgTable('change_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  object: text('object').notNull(),
  externalId: text('external_id').notNull(),
  op: text('op').$type<'insert' | 'update' | 'delete'>().notNull(),
  canonicalType: text('canonical_type').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>(),
  runId: uuid('run_id'),
  createdAt: createdAt(),
}, (t) => [index('change_log_workspace_seq_idx').on(t.workspaceId, t.seq)]);

export const deadLetters = pgTable('dead_letters', {
  id: id(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  runId: uuid('run_id'),
  object: text('object').notNull(),
  externalId: text('external_id'),
  /** Why it was rejected, scrubbed; `fields` names the offending fields. */
  reason: text('reason').notNull(),
  fields: jsonb('fields').$type<Array<{ field: string; message: string }>>().notNull().default([]),
  /** The rejected payload, scrubbed of every known secret. */
  payload: jsonb('payload').$type<unknown>(),
  replayedAt: timestamp('replayed_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [index('dead_letters_workspace_idx').on(t.workspaceId, t.createdAt)]);

export const loads = pgTable('loads', {
  id: id(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  connectionId: uuid('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
  object: text('object').notNull(),
  status: text('status').notNull().default('planned'),
  dryRun: boolean('dry_run').notNull().default(false),
  /** Options: batch size, verify threshold for automatic rollback, mapping. */
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  /** Counts and the verification and rollback reports. */
  report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('loads_workspace_idx').on(t.workspaceId, t.createdAt)]);

/** The load journal: one row per record touched, snapshot before write, outcome after. */
export const loadItems = pgTable('load_items', {
  loadId: uuid('load_id').notNull().references(() => loads.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  op: text('op').$type<'create' | 'update' | 'upsert' | 'delete'>().notNull(),
  /** What the plan resolved: create, update, delete or noop, and the vendor id when known. */
  action: text('action').notNull(),
  targetId: text('target_id'),
  naturalKey: text('natural_key'),
  input: jsonb('input').$type<Record<string, unknown>>().notNull(),
  /** The vendor's record before anything was written (null: it did not exist). */
  snapshot: jsonb('snapshot').$type<Record<string, unknown> | null>(),
  diff: jsonb('diff').$type<unknown>(),
  writeStatus: text('write_status').notNull().default('pending'),
  verifyStatus: text('verify_status').notNull().default('pending'),
  rollbackStatus: text('rollback_status').notNull().default('none'),
  /** What the rollback did or could not do, in words (e.g. re-created under a new id). */
  rollbackDetail: text('rollback_detail'),
  error: jsonb('error').$type<Record<string, unknown>>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.loadId, t.seq] })]);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: uuid('org_id'),
  workspaceId: uuid('workspace_id'),
  /** Who: the api key id and its role, never the key. */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target'),
  /** A scrubbed diff of what changed. */
  diff: jsonb('diff').$type<unknown>(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('audit_log_org_idx').on(t.orgId, t.id)]);

/** Platform-wide facts, e.g. whether the first admin key was already printed. */
export const platformState = pgTable('platform_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
});

/**
 * Writes Vault has not confirmed yet (it was unreachable): the encrypted PostgreSQL copy holds the
 * value; reconciliation pushes the latest copy to Vault with check-and-set when it answers again.
 */
export const vaultOutbox = pgTable('vault_outbox', {
  connectionId: uuid('connection_id').primaryKey().references(() => connections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Admin-defined JSON HTTP connectors (platform tier); every update is a new version. */
export const httpConnectors = pgTable('http_connectors', {
  connectorId: text('connector_id').primaryKey(),
  version: integer('version').notNull().default(1),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const httpConnectorVersions = pgTable('http_connector_versions', {
  connectorId: text('connector_id').notNull().references(() => httpConnectors.connectorId, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.connectorId, t.version] })]);

/** Workspace tier: a workspace's own settings, e.g. group `connector`, name = connector id, encrypted config. */
export const workspaceSettings = pgTable('workspace_settings', {
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  group: text('group').notNull(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** AES-256-GCM ciphertext of the config (credentials), bound to workspace and setting. */
  ciphertext: bytea('ciphertext'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.group, t.name] })]);

/** Org tier: a trigger, a connector action, and a mapping from source fields to the action's inputs. */
export const automations = pgTable('automations', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  name: text('name').notNull(),
  /** `{type: 'change_event', object, ops?}` | `{type: 'schedule', cron}` | `{type: 'webhook', secretHash}` */
  trigger: jsonb('trigger').$type<Record<string, unknown>>().notNull(),
  connectorId: text('connector_id').notNull(),
  actionId: text('action_id').notNull(),
  mapping: jsonb('mapping').$type<unknown>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Change-event triggers: the last change-log sequence handed to this automation. */
  changeCursor: bigint('change_cursor', { mode: 'number' }).notNull().default(0),
  /** Schedule triggers: when the next run is due. */
  nextRunAt: timestamp('next_run_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [index('automations_org_idx').on(t.orgId)]);

export const automationRuns = pgTable('automation_runs', {
  id: id(),
  automationId: uuid('automation_id').references(() => automations.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull(),
  workspaceId: uuid('workspace_id'),
  connectorId: text('connector_id').notNull(),
  actionId: text('action_id').notNull(),
  /** ran | skipped_disabled | skipped_unconfigured | skipped_opted_out | failed | dead */
  status: text('status').notNull(),
  /** The envelope of the call: ok, status, latencyMs, error (scrubbed); never the credentials. */
  outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  attempts: integer('attempts').notNull().default(1),
  createdAt: createdAt(),
}, (t) => [index('automation_runs_org_idx').on(t.orgId, t.createdAt)]);

/** Event hub: a bridge joins a channel on one chat connection (side a) with one on another (side b). */
export const bridges = pgTable('bridges', {
  id: id(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
  name: text('name').notNull(),
  aConnectionId: uuid('a_connection_id').notNull().references(() => connections.id),
  aChannel: text('a_channel').notNull(),
  bConnectionId: uuid('b_connection_id').notNull().references(() => connections.id),
  bChannel: text('b_channel').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Push subscriptions the vendor expires (Graph), per side: `{a?: {id, expiresAt}, b?: …}`. */
  subscriptions: jsonb('subscriptions').$type<Record<string, { id: string; expiresAt: string }>>().notNull().default({}),
  createdAt: createdAt(),
}, (t) => [
  index('bridges_workspace_idx').on(t.workspaceId),
  index('bridges_a_connection_idx').on(t.aConnectionId),
  index('bridges_b_connection_idx').on(t.bConnectionId),
]);

/**
 * The bridge ledger: one row per human message that crossed, keyed by where it was written, with
 * the id of its copy on the other side. A copy is never bridged back: an event whose message is
 * some row's copy is an echo.
 */
export const bridgeMessages = pgTable('bridge_messages', {
  bridgeId: uuid('bridge_id').notNull().references(() => bridges.id, { onDelete: 'cascade' }),
  originSide: text('origin_side').$type<'a' | 'b'>().notNull(),
  originId: text('origin_id').notNull(),
  copyId: text('copy_id'),
  state: text('state').$type<'live' | 'deleted'>().notNull().default('live'),
  textHash: text('text_hash'),
  /** The vendor's time of the last change applied, so a late, older edit is not applied over a newer one. */
  lastChangeAt: timestamp('last_change_at', { withTimezone: true, mode: 'string' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.bridgeId, t.originSide, t.originId] }),
  uniqueIndex('bridge_messages_copy_idx').on(t.bridgeId, t.originSide, t.copyId),
]);
