/**
 * Connection check: `GET /2010-04-01/Accounts/{AccountSid}.json`. It proves the credentials
 * and that they belong to this account, and tells whether the account is active (a suspended or
 * closed account cannot send). The answer carries the account's auth token: it is not kept.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { accountPath } from './paths.js';
import { accountSchema } from './schemas.js';

export async function testTwilioConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: accountPath(ctx.config), schema: accountSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `Twilio answered ${res.status}` };
  const { friendly_name: name, status, type } = res.body;
  if (status !== 'active') return { ok: false, message: `The Twilio account ${name ?? res.body.sid} is ${status}: it cannot send.` };
  return { ok: true, message: `Connected to ${name ?? res.body.sid}${type === 'Trial' ? ' (a trial account: it sends only to verified numbers)' : ''}.` };
}
