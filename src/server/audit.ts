/**
 * The audit log: who (API key id and role, never the key), what (`connection.create`), on what
 * (target), a scrubbed diff, when. Written in the mutation's own transaction where the mutation
 * is ours, so an entry exists exactly when the change does.
 */
import { scrubValue, type Scrubber } from '../core/scrub.js';
import type { Principal } from './api-keys.js';
import type { Queryable } from './db.js';

export interface AuditWrite {
  principal: Principal;
  action: string;
  orgId: string | null;
  workspaceId: string | null;
  target: string | null;
  diff?: unknown;
  /** Removes values known to be secret (e.g. the credentials just submitted). @default generic scrubbing only */
  scrub?: Scrubber;
}

export function actorOf(principal: Principal): string {
  return `api_key:${principal.keyId}:${principal.role}`;
}

export function parseActor(actor: string): { keyId: string | null; role: string | null } {
  const match = /^api_key:([^:]+):([a-z_]+)$/.exec(actor);
  return match ? { keyId: match[1]!, role: match[2]! } : { keyId: null, role: null };
}

export const REDACTED = '[REDACTED]';

/** Every key of a secret form, its value replaced: the audit shows which fields changed, never how. */
export function redactAll(values: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.keys(values ?? {}).map((k) => [k, REDACTED]));
}

export async function writeAudit(db: Queryable, entry: AuditWrite): Promise<void> {
  const diff = entry.diff === undefined ? null : JSON.stringify(scrubValue(entry.diff, entry.scrub));
  await db.query(
    'insert into audit_log (org_id, workspace_id, actor, action, target, diff) values ($1, $2, $3, $4, $5, $6)',
    [entry.orgId, entry.workspaceId, actorOf(entry.principal), entry.action, entry.target, diff],
  );
}
