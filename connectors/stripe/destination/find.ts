/**
 * Finding a customer by email. First the list filter, `GET /v1/customers?email=`: exact and
 * case-sensitive, but it sees a customer the moment it is written. Then, only on a miss, search
 * (`email:'…'`), which is case-insensitive but lags writes by up to a minute
 * (docs.stripe.com/search#data-freshness) and is unavailable to some accounts (India). Stripe
 * allows several customers with one email: the newest is taken.
 */
import { unwrap } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { z } from 'zod';
import { searchString } from '../form.js';
import { customerSchema, listSchema, type StripeCustomer } from '../schemas.js';

const searchResultSchema = z.object({
  object: z.literal('search_result'),
  data: z.array(customerSchema),
  has_more: z.boolean(),
  next_page: z.string().nullable().optional(),
});

export async function findByEmail(ctx: ConnectorContext, email: string): Promise<StripeCustomer | undefined> {
  const listed = unwrap(await ctx.http.request({ url: '/v1/customers', query: { email, limit: 1 }, schema: listSchema(customerSchema), signal: ctx.signal }));
  if (listed.data[0]) return listed.data[0];
  const searched = await ctx.http.request({ url: '/v1/customers/search', query: { query: `email:${searchString(email)}`, limit: 1 }, schema: searchResultSchema, signal: ctx.signal });
  if (searched.ok) return searched.body?.data[0];
  // Search is a second chance, not a requirement: only a failure worth retrying is raised.
  if (searched.error?.kind === 'transient') throw searched.error;
  ctx.logger.debug({ kind: searched.error?.kind }, 'customer search unavailable; relying on the email list filter');
  return undefined;
}
