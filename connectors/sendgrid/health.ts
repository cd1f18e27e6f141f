/**
 * Connection check: `GET /v3/scopes` lists what the API key may do. It proves the key and tells
 * whether it has `mail.send`, the one scope the connector needs (a restricted key without it is
 * refused at the first send otherwise).
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { scopesSchema } from './schemas.js';

export async function testSendGridConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: '/v3/scopes', schema: scopesSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `SendGrid answered ${res.status}` };
  if (!res.body.scopes.includes('mail.send')) return { ok: false, message: 'The API key lacks the mail.send scope: give it "Mail Send" access.' };
  return { ok: true, message: 'The API key may send mail.' };
}
