/**
 * Connection check: `GET /server` reads the server the token belongs to. It proves the token
 * (a 401 otherwise) without sending anything.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { serverSchema } from './schemas.js';

export async function testPostmarkConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: '/server', schema: serverSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `Postmark answered ${res.status}` };
  return { ok: true, message: `Connected to the Postmark server "${res.body.Name}".` };
}
