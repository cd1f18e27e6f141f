/**
 * Connection checks: `GET /api/v2/users/me`. It proves the credentials (a 401 otherwise) and
 * tells whether the user is an admin, which the incremental exports require.
 */
import { z } from 'zod';
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';

const meSchema = z.looseObject({ user: z.looseObject({ id: z.number().nullable(), email: z.string().nullable().optional(), role: z.string().optional() }) });

export async function testZendeskConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: '/api/v2/users/me.json', schema: meSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `Zendesk answered ${res.status}` };
  const { user } = res.body;
  // Zendesk answers an anonymous user (id null) rather than a 401 when no credentials arrive.
  if (user.id === null) return { ok: false, message: 'Zendesk did not recognise the credentials (anonymous user).' };
  if (user.role !== 'admin') return { ok: false, message: `Signed in as a ${user.role ?? 'non-admin'}: incremental exports need an admin.` };
  return { ok: true, message: 'Connected to Zendesk as an admin.' };
}
