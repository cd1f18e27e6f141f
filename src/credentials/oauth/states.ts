/**
 * Pending authorization-code flows in `oauth_states`. The PKCE verifier is a secret, so it is
 * encrypted like a credential, with additional data binding it to its tenant, connection and
 * state. The state itself is stored as a SHA-256 hash: a leaked table cannot be used to forge a
 * callback, and a lookup by hash compares no secret bytes.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { decrypt, encrypt } from '../crypto/index.js';
import type { KeySource } from '../master-key-source.js';
import type { CredentialRef } from '../store.js';

export interface PendingAuthorization {
  ref: CredentialRef;
  codeVerifier: string;
  redirectUri: string;
  expired: boolean;
}

export function stateKey(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('base64url');
}

const aad = (ref: CredentialRef, key: string) => ({ tenantId: ref.workspaceId, connectionId: `oauth-state/${ref.connectionId}/${key}` });

export async function saveState(
  pool: pg.Pool, keys: KeySource, input: { ref: CredentialRef; state: string; codeVerifier: string; redirectUri: string; ttlMs: number },
): Promise<Date> {
  const key = stateKey(input.state);
  const verifier = encrypt(input.codeVerifier, aad(input.ref, key), keys.keyring());
  // Abandoned flows are swept here, where rows are made, rather than by a separate job.
  await pool.query('delete from oauth_states where expires_at < now()');
  const { rows } = await pool.query<{ expires_at: Date }>(
    `insert into oauth_states (state, workspace_id, connection_id, code_verifier, redirect_uri, expires_at)
     values ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond') returning expires_at`,
    [key, input.ref.workspaceId, input.ref.connectionId, verifier, input.redirectUri, input.ttlMs],
  );
  return rows[0]!.expires_at;
}

/**
 * Deletes and returns the pending flow in one statement, so a state works exactly once even when
 * two callbacks race. An expired row is consumed too (and reported as expired).
 */
export async function takeState(pool: pg.Pool, keys: KeySource, state: string): Promise<PendingAuthorization | undefined> {
  const key = stateKey(state);
  const { rows } = await pool.query<{ workspace_id: string; connection_id: string; code_verifier: Buffer; redirect_uri: string; expired: boolean }>(
    `delete from oauth_states where state = $1
     returning workspace_id, connection_id, code_verifier, redirect_uri, expires_at <= now() as expired`,
    [key],
  );
  const row = rows[0];
  if (!row) return undefined;
  const ref = { workspaceId: row.workspace_id, connectionId: row.connection_id };
  let codeVerifier: string;
  try {
    codeVerifier = decrypt(row.code_verifier, aad(ref, key), keys.keyring()).toString('utf8');
  } catch (error) {
    // Another process may have rotated the key file since the flow began.
    if (!keys.reload()) throw error;
    codeVerifier = decrypt(row.code_verifier, aad(ref, key), keys.keyring()).toString('utf8');
  }
  return { ref, codeVerifier, redirectUri: row.redirect_uri, expired: row.expired };
}
