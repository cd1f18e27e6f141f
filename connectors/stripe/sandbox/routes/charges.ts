/**
 * /v1/charges: list, retrieve, update, and a create that understands the test tokens: `tok_visa`
 * succeeds, `tok_chargeDeclined` is declined with a 402 `card_error` naming the failed charge
 * (docs.stripe.com/testing#declined-payments).
 */
import { invalidRequest, resourceMissing, stripeError } from '../errors.js';
import { asString } from '../form.js';
import { listPage } from '../list.js';
import { stripeRoute, type RouteDeps } from '../route.js';
import type { StripeStore } from '../store.js';
import { email, integerParam, mergeMetadata, onlyKnown, text } from '../validate.js';

const CREATE = ['amount', 'currency', 'customer', 'source', 'description', 'metadata', 'receipt_email', 'capture', 'statement_descriptor'];
const UPDATE = ['description', 'metadata', 'receipt_email', 'fraud_details', 'shipping', 'transfer_group'];
const DECLINING = new Set(['tok_chargeDeclined', 'tok_visa_chargeDeclined']);

export function chargeRoutes(deps: RouteDeps, store: StripeStore): void {
  const live = (id: string) => {
    const charge = store.charges.get(id);
    if (!charge) throw resourceMissing('charge', id);
    return charge;
  };

  stripeRoute(deps, 'GET', '/v1/charges', ({ params }) => {
    onlyKnown(params, ['limit', 'starting_after', 'ending_before', 'created', 'customer', 'payment_intent', 'transfer_group']);
    const customer = asString(params.customer);
    const view = store.charges.view(customer === undefined ? undefined : (c) => c.customer === customer);
    return listPage({ params, url: '/v1/charges', view, keyOf: (id) => store.charges.keyOf(id), kind: 'charge' });
  });

  stripeRoute(deps, 'POST', '/v1/charges', ({ params, change }) => {
    onlyKnown(params, CREATE);
    const amount = integerParam(params, 'amount');
    if (amount === undefined) throw invalidRequest('Missing required param: amount.', { code: 'parameter_missing', param: 'amount' });
    const currency = text(params, 'currency');
    if (!currency) throw invalidRequest('Missing required param: currency.', { code: 'parameter_missing', param: 'currency' });
    if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}.`, { param: 'currency' });
    if (amount < 50) throw invalidRequest(`Amount must be at least $0.50 ${currency}`, { code: 'amount_too_small', param: 'amount' });
    const customerId = text(params, 'customer') ?? null;
    const customer = customerId ? store.customers.get(customerId) : undefined;
    if (customerId && !customer) throw resourceMissing('customer', customerId, 'customer');
    const source = text(params, 'source');
    if (!source && !customer) throw invalidRequest('Must provide source or customer.', { code: 'parameter_missing', param: 'source' });
    const declineCode = source && DECLINING.has(source) ? 'generic_decline' : undefined;
    const charge = store.createCharge({
      amount, currency, customer: customerId, description: text(params, 'description'), metadata: mergeMetadata({}, params.metadata),
      receipt_email: email(params, 'receipt_email') ?? null, declineCode, billingName: customer?.name ?? null,
    }, change);
    if (declineCode) {
      throw stripeError(402, { type: 'card_error', code: 'card_declined', decline_code: declineCode, message: 'Your card was declined.', charge: charge.id });
    }
    return charge;
  });

  stripeRoute(deps, 'GET', '/v1/charges/:id', ({ req }) => live(req.params.id!));

  stripeRoute(deps, 'POST', '/v1/charges/:id', ({ req, params, change }) => {
    onlyKnown(params, UPDATE);
    const id = req.params.id!;
    const current = live(id);
    const description = text(params, 'description');
    const metadata = mergeMetadata(current.metadata, params.metadata);
    return store.updateCharge(id, (c) => ({ ...c, metadata, ...(description !== undefined ? { description } : {}) }), change);
  });
}
