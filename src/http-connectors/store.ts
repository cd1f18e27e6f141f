/**
 * The platform tier's registry of JSON connectors in PostgreSQL: register, list, update (a new
 * version each time, the old kept), disable. Every write is validated in full first.
 */
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import { ZodError } from 'zod';
import { httpConnectorSchema, type HttpConnectorDefinition } from './definition.js';

export class HttpConnectorConflict extends Error {}

export interface StoredHttpConnector {
  definition: HttpConnectorDefinition;
  version: number;
  enabled: boolean;
  updatedAt: Date;
}

export class HttpConnectorStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Throws ZodError naming every bad path; HttpConnectorConflict when the id exists. */
  async register(input: unknown, actor: string): Promise<StoredHttpConnector> {
    const definition = httpConnectorSchema.parse(input);
    await withTransaction(this.pool, async (client) => {
      const inserted = await client.query(
        `insert into http_connectors (connector_id, version, definition, enabled) values ($1, 1, $2, $3) on conflict do nothing returning connector_id`,
        [definition.connector_id, JSON.stringify(definition), definition.enabled]);
      if (inserted.rowCount === 0) throw new HttpConnectorConflict(`connector "${definition.connector_id}" already exists; update it instead`);
      await client.query(`insert into http_connector_versions (connector_id, version, definition, created_by) values ($1, 1, $2, $3)`, [definition.connector_id, JSON.stringify(definition), actor]);
    });
    return (await this.get(definition.connector_id))!;
  }

  async update(connectorId: string, input: unknown, actor: string): Promise<StoredHttpConnector | null> {
    const candidate = { ...(input as Record<string, unknown>), connector_id: connectorId };
    const definition = httpConnectorSchema.parse(candidate);
    const { rows } = await this.pool.query<{ version: number }>(
      `update http_connectors set version = version + 1, definition = $2, enabled = $3, updated_at = now() where connector_id = $1 returning version`,
      [connectorId, JSON.stringify(definition), definition.enabled]);
    if (!rows[0]) return null;
    await this.pool.query(`insert into http_connector_versions (connector_id, version, definition, created_by) values ($1, $2, $3, $4)`, [connectorId, rows[0].version, JSON.stringify(definition), actor]);
    return this.get(connectorId);
  }

  async setEnabled(connectorId: string, enabled: boolean, actor: string): Promise<StoredHttpConnector | null> {
    const current = await this.get(connectorId);
    if (!current) return null;
    return this.update(connectorId, { ...current.definition, enabled }, actor);
  }

  async get(connectorId: string): Promise<StoredHttpConnector | null> {
    const { rows } = await this.pool.query(`select definition, version, enabled, updated_at from http_connectors where connector_id = $1`, [connectorId]);
    if (!rows[0]) return null;
    return { definition: httpConnectorSchema.parse(rows[0].definition), version: rows[0].version, enabled: rows[0].enabled, updatedAt: rows[0].updated_at };
  }

  async list(): Promise<StoredHttpConnector[]> {
    const { rows } = await this.pool.query(`select connector_id from http_connectors order by connector_id`);
    return (await Promise.all(rows.map((r) => this.get(r.connector_id)))).filter((c): c is StoredHttpConnector => c !== null);
  }

  async versions(connectorId: string): Promise<Array<{ version: number; createdBy: string | null; createdAt: Date }>> {
    const { rows } = await this.pool.query(`select version, created_by, created_at from http_connector_versions where connector_id = $1 order by version`, [connectorId]);
    return rows.map((r) => ({ version: r.version, createdBy: r.created_by, createdAt: r.created_at }));
  }
}

export { ZodError };
