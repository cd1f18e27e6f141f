/**
 * Connection status changes the OAuth code makes. Reasons are fixed texts written here, never a
 * vendor's words, so nothing a token endpoint echoes back can land in a plaintext column.
 */
import type pg from 'pg';
import type { CredentialRef } from '../store.js';

/** Marks the connection for re-authorisation and returns its name (for the error message). */
export async function markNeedsReauth(pool: pg.Pool, ref: CredentialRef, reason: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ name: string }>(
    `update connections set status = 'needs_reauth', status_reason = $3, updated_at = now()
     where id = $1 and workspace_id = $2 returning name`,
    [ref.connectionId, ref.workspaceId, reason],
  );
  return rows[0]?.name;
}

export async function markActive(pool: pg.Pool, ref: CredentialRef): Promise<void> {
  await pool.query(
    `update connections set status = 'active', status_reason = null, updated_at = now() where id = $1 and workspace_id = $2`,
    [ref.connectionId, ref.workspaceId],
  );
}
