/**
 * API keys: random, shown once, stored as a SHA-256 hash (a key has 192 bits of entropy, so a
 * slow password hash buys nothing and would slow every request).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, type Db } from '../db/index.js';

export type Role = 'platform_admin' | 'org_admin' | 'workspace_member';

export interface Principal {
  keyId: string;
  role: Role;
  orgId: string | null;
  workspaceId: string | null;
}

const KEY_PREFIX = 'fw_';

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(24).toString('base64url');
}

/** The first characters of a key, kept in clear so a person can tell keys apart in a list. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function storeApiKey(db: Db, key: string, fields: { name: string; role: Role; orgId?: string | null; workspaceId?: string | null; memberId?: string | null }): Promise<string> {
  const [row] = await db.insert(apiKeys).values({
    name: fields.name, role: fields.role, orgId: fields.orgId ?? null, workspaceId: fields.workspaceId ?? null, memberId: fields.memberId ?? null,
    prefix: keyPrefix(key), hash: hashApiKey(key),
  }).returning({ id: apiKeys.id });
  return row!.id;
}

/** The principal behind a presented key, or null (unknown, revoked or malformed). */
export async function authenticateApiKey(db: Db, presented: string): Promise<Principal | null> {
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
  const hash = hashApiKey(presented);
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt))).limit(1);
  if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return null;
  return { keyId: row.id, role: row.role, orgId: row.orgId, workspaceId: row.workspaceId };
}
