/**
 * Connections: create one from a form (validated against the connector's field definitions),
 * store its secrets encrypted, open its streams, describe it without secrets, build the ctx a run
 * uses (implements the stream runner's ContextFactory), and delete one with its secrets.
 */
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import { z } from 'zod';
import type { Logger, RateLimiter } from '../core/index.js';
import type { CredentialBackend } from '../credentials/backend.js';
import { fieldsToZod, secretFieldNames, type ConnectorDefinition, type ConnectorRegistry } from '../registry/index.js';
import { buildConnectorContext, type BuiltContext } from './context.js';

/** A loopback sandbox URL rides in the config under this key, honoured only under the sandbox policy. */
export const SANDBOX_URL_KEY = 'sandboxBaseUrl';

export interface ConnectionServiceDeps {
  pool: pg.Pool;
  registry: ConnectorRegistry;
  credentials: CredentialBackend;
  rateLimiter?: RateLimiter;
  logger: Logger;
  /** The platform's explicit sandbox egress policy. */
  allowSandbox: boolean;
}

export interface NewConnection {
  workspaceId: string;
  connectorId: string;
  name: string;
  authMethodId: string;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
  sandboxBaseUrl?: string;
}

export interface ConnectionView {
  id: string;
  workspaceId: string;
  connectorId: string;
  name: string;
  authMethod: string;
  status: string;
  statusReason: string | null;
  config: Record<string, unknown>;
  /** Secret fields are write-only: only whether each is set. */
  credentials: Record<string, { configured: boolean }>;
  sandbox: boolean;
  createdAt: Date;
}

/** A sync holds one of the connection's streams, or a load into it is under way: delete later. */
export class ConnectionBusyError extends Error {
  override readonly name = 'ConnectionBusyError';
}

/** Loads in these states are writing or verifying: deleting would lose the journal a rollback needs. */
const ACTIVE_LOADS = ['running', 'verifying'];

export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  validate(definition: ConnectorDefinition, authMethodId: string, config: Record<string, unknown>, secrets: Record<string, unknown>) {
    const method = definition.auth.find((m) => m.id === authMethodId);
    if (!method) throw new z.ZodError([{ code: 'custom', path: ['authMethod'], message: `${definition.name} has no auth method "${authMethodId}" (has: ${definition.auth.map((m) => m.id).join(', ')})`, input: authMethodId }]);
    const parsedConfig = fieldsToZod(definition.connection).safeParse(config);
    const parsedSecrets = fieldsToZod(method.fields).safeParse(secrets);
    const issues = [
      ...(parsedConfig.success ? [] : parsedConfig.error.issues.map((i) => ({ ...i, path: ['config', ...i.path] }))),
      ...(parsedSecrets.success ? [] : parsedSecrets.error.issues.map((i) => ({ ...i, path: ['credentials', ...i.path] }))),
    ];
    if (issues.length > 0) throw new z.ZodError(issues);
    return { method, config: parsedConfig.data as Record<string, unknown>, secrets: parsedSecrets.data as Record<string, string> };
  }

  async create(input: NewConnection): Promise<ConnectionView> {
    const definition = this.deps.registry.get(input.connectorId);
    const { method, config, secrets } = this.validate(definition, input.authMethodId, input.config, input.secrets);
    if (input.sandboxBaseUrl && !this.deps.allowSandbox) {
      throw new z.ZodError([{ code: 'custom', path: ['sandboxBaseUrl'], message: 'sandbox connections need the platform started with the sandbox egress policy (FORGE_SANDBOX_EGRESS=1 or --demo)', input: input.sandboxBaseUrl }]);
    }
    const storedConfig = input.sandboxBaseUrl ? { ...config, [SANDBOX_URL_KEY]: input.sandboxBaseUrl } : config;
    const id = await withTransaction(this.deps.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        'insert into connections (workspace_id, connector_id, name, auth_method, config) values ($1, $2, $3, $4, $5) returning id',
        [input.workspaceId, definition.id, input.name, method.id, JSON.stringify(storedConfig)],
      );
      const created = rows[0]!.id;
      for (const object of definition.objects.filter((o) => o.source)) {
        await client.query('insert into streams (workspace_id, connection_id, object, next_run_at) values ($1, $2, $3, now())', [input.workspaceId, created, object.name]);
      }
      return created;
    });
    if (Object.keys(secrets).length > 0) await this.deps.credentials.write({ workspaceId: input.workspaceId, connectionId: id }, secrets);
    return (await this.get(input.workspaceId, id))!;
  }

  async get(workspaceId: string, id: string): Promise<ConnectionView | null> {
    const { rows } = await this.deps.pool.query(
      `select id, workspace_id, connector_id, name, auth_method, status, status_reason, config, created_at from connections where id = $1 and workspace_id = $2`,
      [id, workspaceId]);
    const row = rows[0];
    if (!row) return null;
    const definition = this.deps.registry.has(row.connector_id) ? this.deps.registry.get(row.connector_id) : undefined;
    const method = definition?.auth.find((m) => m.id === row.auth_method);
    const configured = await this.deps.credentials.configured({ workspaceId, connectionId: id });
    const { [SANDBOX_URL_KEY]: sandboxUrl, ...config } = row.config as Record<string, unknown>;
    return {
      id: row.id, workspaceId: row.workspace_id, connectorId: row.connector_id, name: row.name, authMethod: row.auth_method,
      status: row.status, statusReason: row.status_reason, config, sandbox: Boolean(sandboxUrl), createdAt: row.created_at,
      credentials: Object.fromEntries((method?.fields ?? []).map((f) => [f.name, { configured }])),
    };
  }

  /** Replaces the secrets (re-authorise); the connection becomes active again. */
  async reauthorise(workspaceId: string, id: string, secrets: Record<string, unknown>): Promise<ConnectionView> {
    const row = await this.row(workspaceId, id);
    const definition = this.deps.registry.get(row.connector_id);
    const { secrets: valid } = this.validate(definition, row.auth_method, stripSandbox(row.config), secrets);
    await this.deps.credentials.write({ workspaceId, connectionId: id }, valid);
    await this.deps.pool.query(`update connections set status = 'active', status_reason = null, updated_at = now() where id = $1`, [id]);
    return (await this.get(workspaceId, id))!;
  }

  /**
   * Deletes the connection and everything it owns (streams, runs, records, change log, dead
   * letters, loads: by cascade) with its secrets, in one transaction; `inside` runs in it last
   * (the audit entry), so nothing is deleted unless it is written. The stream rows are locked
   * first: a sync starting meanwhile finds its stream gone and is skipped.
   * @throws ConnectionBusyError while a sync or a load is under way
   */
  async delete(workspaceId: string, id: string, inside?: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    await withTransaction(this.deps.pool, async (client) => {
      const { rows } = await client.query('select id from connections where id = $1 and workspace_id = $2 for update', [id, workspaceId]);
      if (!rows[0]) throw new Error(`no connection ${id}`);
      const syncing = await client.query(`select 1 from streams where connection_id = $1 and lease_owner is not null and lease_until > now() for update`, [id]);
      if ((syncing.rowCount ?? 0) > 0) throw new ConnectionBusyError('a sync of this connection is running; delete it when the run has finished');
      const loading = await client.query('select 1 from loads where connection_id = $1 and status = any($2)', [id, ACTIVE_LOADS]);
      if ((loading.rowCount ?? 0) > 0) throw new ConnectionBusyError('a load into this connection is running or verifying; delete it when the load has finished (a load that crashed can be rolled back with force first)');
      await this.deps.credentials.remove({ workspaceId, connectionId: id }, client);
      await client.query('delete from connections where id = $1 and workspace_id = $2', [id, workspaceId]);
      await inside?.(client);
    });
  }

  private async row(workspaceId: string, id: string) {
    const { rows } = await this.deps.pool.query('select * from connections where id = $1 and workspace_id = $2', [id, workspaceId]);
    if (!rows[0]) throw new Error(`no connection ${id}`);
    return rows[0] as { id: string; workspace_id: string; connector_id: string; auth_method: string; config: Record<string, unknown>; status: string };
  }

  /** The ctx of a run, credentials read now. Implements the stream runner's ContextFactory. */
  async contextFor(connectionId: string, options: { runId?: string; signal?: AbortSignal } = {}): Promise<BuiltContext & { definition: ConnectorDefinition }> {
    const { rows } = await this.deps.pool.query(
      `select c.*, o.domain_allowlist from connections c join workspaces w on w.id = c.workspace_id join orgs o on o.id = w.org_id where c.id = $1`, [connectionId]);
    const row = rows[0];
    if (!row) throw new Error(`no connection ${connectionId}`);
    const definition = this.deps.registry.get(row.connector_id);
    const ref = { workspaceId: row.workspace_id as string, connectionId };
    const built = await buildConnectorContext({
      definition, authMethodId: row.auth_method, config: stripSandbox(row.config), tenant: ref,
      secrets: async () => (await this.deps.credentials.read(ref))?.secrets ?? {},
      orgAllowlist: (row.domain_allowlist as string[]).length > 0 ? row.domain_allowlist : undefined,
      sandboxBaseUrl: row.config?.[SANDBOX_URL_KEY], allowSandbox: this.deps.allowSandbox,
      rateLimiter: this.deps.rateLimiter, logger: this.deps.logger.child({ run: options.runId }), signal: options.signal, store: this.deps.credentials,
    });
    return { ...built, definition };
  }

  secretFields(connectorId: string, authMethodId: string): string[] {
    const method = this.deps.registry.get(connectorId).auth.find((m) => m.id === authMethodId);
    return method ? secretFieldNames(method.fields) : [];
  }
}

function stripSandbox(config: Record<string, unknown>): Record<string, unknown> {
  const { [SANDBOX_URL_KEY]: _ignored, ...rest } = config ?? {};
  return rest;
}
