/**
 * Connection checks: one cheap list call. It proves the key (401 otherwise), its permission on
 * customers (403 for a restricted key without it), and tells test mode from live mode.
 */
import type { ConnectorContext } from '../../src/registry/index.js';
import { customerSchema, listSchema } from './schemas.js';

export interface StripeCheck {
  ok: boolean;
  message: string;
  kind?: string;
  livemode?: boolean;
}

export async function testStripeConnection(ctx: ConnectorContext): Promise<StripeCheck> {
  const response = await ctx.http.request({ url: '/v1/customers', query: { limit: 1 }, schema: listSchema(customerSchema), retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (!response.ok || !response.body) return { ok: false, message: response.error?.message ?? `Stripe answered ${response.status}`, kind: response.error?.kind };
  const livemode = response.body.data[0]?.livemode;
  const mode = livemode === true ? ' (live mode)' : livemode === false ? ' (test mode)' : '';
  return { ok: true, message: `Connected to Stripe${mode}: the key can read customers.`, livemode: typeof livemode === 'boolean' ? livemode : undefined };
}

export const stripeHealthCheck = testStripeConnection;
