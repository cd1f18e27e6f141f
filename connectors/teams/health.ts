/**
 * Connection check: a token from the tenant, then `GET /v1.0/subscriptions`, which needs no
 * permission beyond the app's own (learn.microsoft.com/graph/api/subscription-list), so it
 * proves tenant, client id and secret without touching a team.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { subscriptionListSchema } from './schemas.js';

export async function testTeamsConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const response = await ctx.http.request({ url: '/v1.0/subscriptions', schema: subscriptionListSchema, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!response.ok || !response.body) return { ok: false, message: response.error?.message ?? `Graph answered ${response.status}` };
  return { ok: true, message: `Connected to Microsoft Graph; ${response.body.value.length} active subscription(s) for this app.` };
}
