/**
 * Connection checks: one SuiteQL query on contacts, a row at most. It proves the token (401
 * INVALID_LOGIN otherwise: a wrong secret, a revoked token, a realm that is not the account),
 * that REST web services are enabled for the role, and that the role may read contacts. A realm
 * whose REST domain does not match is named, since that is the usual first mistake.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { accountHostOf } from './auth.js';
import { suiteqlPageSchema } from './schemas.js';
import { SUITEQL_PATH } from './suiteql.js';

export async function testNetsuiteConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({
    method: 'POST', url: SUITEQL_PATH, query: { limit: 1, offset: 0 }, headers: { Prefer: 'transient' },
    json: { q: 'SELECT contact.id FROM contact' }, schema: suiteqlPageSchema, replayable: true, retry: { maxAttempts: 2 }, signal: ctx.signal,
  });
  if (res.ok) return { ok: true, message: 'NetSuite answered a SuiteQL query on contacts.' };
  const accountId = String(ctx.config.accountId ?? '');
  const host = String(ctx.config.accountHost ?? '');
  const hint = accountId && host && accountHostOf(accountId) !== host.toLowerCase()
    ? ` The REST domain "${host}" does not look like account ${accountId} (expected "${accountHostOf(accountId)}"): check both against Setup > Company > Company Information > Company URLs.`
    : '';
  return { ok: false, message: `${res.error?.message ?? `NetSuite answered ${res.status}`}${hint}` };
}
