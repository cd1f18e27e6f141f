/**
 * `GET /rest/api/3/myself`: who the API token belongs to. The connection check uses it, and the
 * issue reads take its `timeZone`, the zone Jira reads JQL date literals in for this user.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { usableZone } from './jql.js';
import { myselfSchema } from './schemas.js';

export const MYSELF_PATH = '/rest/api/3/myself';

export async function userTimeZone(ctx: ConnectorContext): Promise<string> {
  const me = unwrap(await ctx.http.request({ url: MYSELF_PATH, schema: myselfSchema, signal: ctx.signal }));
  return usableZone(me.timeZone);
}

/** One cheap authenticated read: proves the email and token (a 401 otherwise) and names the user. */
export async function testJiraConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: MYSELF_PATH, schema: myselfSchema, signal: ctx.signal, retry: { maxAttempts: 2 } });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `Jira answered ${res.status}` };
  return { ok: true, message: `Connected to Jira as ${res.body.displayName ?? res.body.accountId} (time zone ${usableZone(res.body.timeZone)})` };
}
