import { eq } from 'drizzle-orm';
import { apiKeys, type Db } from '../db/index.js';
import { generateApiKey, hashApiKey, storeApiKey } from '../server/api-keys.js';

/**
 * The first platform-admin key: created on first start and returned once (the caller prints it);
 * never again. With FORGE_ADMIN_KEY set, that key is ensured instead and nothing is printed.
 */
export async function ensureAdminKey(db: Db, explicitKey: string | undefined): Promise<string | null> {
  if (explicitKey) {
    if (!/^fw_[A-Za-z0-9_-]{20,}$/.test(explicitKey)) throw new Error('FORGE_ADMIN_KEY must look like fw_ followed by at least 20 letters, digits, _ or -');
    const [existing] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.hash, hashApiKey(explicitKey))).limit(1);
    if (!existing) await storeApiKey(db, explicitKey, { name: 'platform admin (FORGE_ADMIN_KEY)', role: 'platform_admin' });
    return null;
  }
  const [anyAdmin] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.role, 'platform_admin')).limit(1);
  if (anyAdmin) return null;
  const key = generateApiKey();
  await storeApiKey(db, key, { name: 'platform admin (first start)', role: 'platform_admin' });
  return key;
}
