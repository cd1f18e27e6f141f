/**
 * Connection checks. `testConnection` runs one small SOQL query: it proves the session, that the
 * REST API is enabled for the org (403 API_DISABLED_FOR_ORG otherwise) and that the user can
 * read contacts. `healthCheck` also reads `/limits`, since the daily API allocation running out
 * is what stops a Salesforce connection most often.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { limitsSchema, queryResultSchema } from './schemas.js';
import { DATA_PATH } from './version.js';

export async function testSalesforceConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({ url: `${DATA_PATH}/query`, query: { q: 'SELECT Id FROM Contact LIMIT 1' }, schema: queryResultSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  return res.ok ? { ok: true, message: 'Salesforce answered a SOQL query on Contact.' } : { ok: false, message: res.error?.message ?? `Salesforce answered ${res.status}` };
}

export async function salesforceHealthCheck(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const query = await testSalesforceConnection(ctx);
  if (!query.ok) return query;
  const res = await ctx.http.request({ url: `${DATA_PATH}/limits`, schema: limitsSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `Salesforce answered ${res.status} for /limits` };
  const { Max, Remaining } = res.body.DailyApiRequests;
  const message = `Daily API requests: ${Max - Remaining} of ${Max} used.`;
  return Remaining > 0 ? { ok: true, message } : { ok: false, message: `${message} The org is out of API calls until its 24-hour window moves on.` };
}
