/**
 * Connection checks. `testConnection` calls `WhoAmI`: it proves the token and that the app is an
 * application user of this environment (a token for another environment is refused with 401).
 * `healthCheck` also reads one contact: a role without read access answers 403 and names the
 * missing privilege.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { z } from 'zod';
import { API_ROOT, entityPath, queryString } from './odata.js';
import { whoAmISchema } from './schemas.js';

export async function testDynamicsConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: `${API_ROOT}/WhoAmI`, schema: whoAmISchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `Dataverse answered ${res.status}` };
  return { ok: true, message: `Connected to Dataverse as application user ${res.body.UserId}.` };
}

export async function dynamicsHealthCheck(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const who = await testDynamicsConnection(ctx);
  if (!who.ok) return who;
  const url = entityPath('contacts') + queryString({ $select: 'contactid', $top: 1 });
  const res = await ctx.http.request({ url, schema: z.looseObject({ value: z.array(z.unknown()) }), retry: { maxAttempts: 2 }, signal: ctx.signal });
  return res.ok ? { ok: true, message: `${who.message} Contacts are readable.` } : { ok: false, message: res.error?.message ?? `Dataverse answered ${res.status} reading contacts` };
}
