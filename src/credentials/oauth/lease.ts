/**
 * The cross-process refresh lease: one row per connection in `credential_leases`. Each call is a
 * single autocommit statement, so no pooled connection (and no advisory lock) is held while the
 * holder talks to the token endpoint; a crashed holder simply lets the lease run out.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';

/** Names this process in lease rows, for an operator looking at a stuck lease. */
export const PROCESS_OWNER = `${hostname()}:${process.pid}`;

/**
 * Takes the lease when nobody holds it or the holder's lease expired. Returns the owner token to
 * release with, or undefined when someone else holds it. The token is unique per acquisition, so
 * a holder whose lease ran out can never release the lease a successor took.
 */
export async function acquireLease(pool: pg.Pool, connectionId: string, owner: string, ttlMs: number): Promise<string | undefined> {
  const token = `${owner}:${randomUUID()}`;
  // The database clock decides expiry, so workers with skewed clocks still agree.
  const { rowCount } = await pool.query(
    `insert into credential_leases (connection_id, owner, expires_at) values ($1, $2, now() + $3 * interval '1 millisecond')
     on conflict (connection_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
     where credential_leases.expires_at <= now()`,
    [connectionId, token, ttlMs],
  );
  return rowCount === 1 ? token : undefined;
}

/** Compare-and-release: only the holder's own token deletes the row. */
export async function releaseLease(pool: pg.Pool, connectionId: string, token: string): Promise<void> {
  await pool.query('delete from credential_leases where connection_id = $1 and owner = $2', [connectionId, token]);
}
