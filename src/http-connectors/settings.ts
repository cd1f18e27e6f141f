/**
 * The workspace tier: each workspace's own settings record per connector (group `connector`,
 * name = connector id, `enabled`, encrypted config). Opted out = enabled false; unconfigured = no row.
 */
import type pg from 'pg';
import { decryptJson, encryptJson } from '../credentials/crypto/index.js';
import type { KeySource } from '../credentials/master-key-source.js';

export type SettingState =
  | { state: 'unconfigured' }
  | { state: 'opted_out' }
  | { state: 'configured'; config: Record<string, string> };

const aad = (workspaceId: string, group: string, name: string) => ({ tenantId: workspaceId, connectionId: `setting:${group}:${name}` });

export class WorkspaceSettings {
  constructor(private readonly pool: pg.Pool, private readonly keys: KeySource) {}

  async set(workspaceId: string, group: string, name: string, input: { enabled: boolean; config?: Record<string, string> }): Promise<void> {
    const ciphertext = input.config ? encryptJson(input.config, aad(workspaceId, group, name), this.keys.keyring()) : null;
    await this.pool.query(
      `insert into workspace_settings (workspace_id, "group", name, enabled, ciphertext) values ($1, $2, $3, $4, $5)
       on conflict (workspace_id, "group", name) do update set enabled = excluded.enabled,
         ciphertext = coalesce(excluded.ciphertext, workspace_settings.ciphertext), updated_at = now()`,
      [workspaceId, group, name, input.enabled, ciphertext]);
  }

  /** Read at the moment of use; the config never leaves this process except into the call. */
  async get(workspaceId: string, group: string, name: string): Promise<SettingState> {
    const { rows } = await this.pool.query<{ enabled: boolean; ciphertext: Buffer | null }>(
      `select enabled, ciphertext from workspace_settings where workspace_id = $1 and "group" = $2 and name = $3`, [workspaceId, group, name]);
    const row = rows[0];
    if (!row) return { state: 'unconfigured' };
    if (!row.enabled) return { state: 'opted_out' };
    return { state: 'configured', config: row.ciphertext ? decryptJson<Record<string, string>>(row.ciphertext, aad(workspaceId, group, name), this.keys.keyring()) : {} };
  }

  /** What the API shows: never the config, only whether each field is set. */
  async describe(workspaceId: string, group: string, name: string): Promise<{ enabled: boolean; configured: Record<string, boolean> } | null> {
    const setting = await this.get(workspaceId, group, name);
    if (setting.state === 'unconfigured') return null;
    if (setting.state === 'opted_out') return { enabled: false, configured: {} };
    return { enabled: true, configured: Object.fromEntries(Object.keys(setting.config).map((k) => [k, true])) };
  }
}
