/**
 * /v1/invoices: list, create (a draft for a customer), retrieve, update, and delete, which
 * Stripe allows for drafts only (docs.stripe.com/api/invoices/delete): finalised invoices are
 * voided instead, and stay.
 */
import { invalidRequest, resourceMissing } from '../errors.js';
import { asString } from '../form.js';
import { listPage } from '../list.js';
import { stripeRoute, type RouteDeps } from '../route.js';
import type { StripeStore } from '../store.js';
import { mergeMetadata, onlyKnown, text } from '../validate.js';

export function invoiceRoutes(deps: RouteDeps, store: StripeStore): void {
  const live = (id: string) => {
    const invoice = store.invoices.get(id);
    if (!invoice) throw resourceMissing('invoice', id);
    return invoice;
  };

  stripeRoute(deps, 'GET', '/v1/invoices', ({ params }) => {
    onlyKnown(params, ['limit', 'starting_after', 'ending_before', 'created', 'customer', 'status', 'subscription', 'collection_method', 'due_date']);
    const customer = asString(params.customer);
    const status = asString(params.status);
    const view = store.invoices.view((i) => (customer === undefined || i.customer === customer) && (status === undefined || i.status === status));
    return listPage({ params, url: '/v1/invoices', view, keyOf: (id) => store.invoices.keyOf(id), kind: 'invoice' });
  });

  stripeRoute(deps, 'POST', '/v1/invoices', ({ params, change }) => {
    onlyKnown(params, ['customer', 'description', 'metadata', 'auto_advance', 'collection_method', 'currency']);
    const customerId = text(params, 'customer');
    if (!customerId) throw invalidRequest('Missing required param: customer.', { code: 'parameter_missing', param: 'customer' });
    const customer = store.customers.get(customerId);
    if (!customer) throw resourceMissing('customer', customerId, 'customer');
    return store.createInvoice(customer, {
      amount: 0, currency: text(params, 'currency') ?? 'usd', description: text(params, 'description'), metadata: mergeMetadata({}, params.metadata),
    }, change);
  });

  stripeRoute(deps, 'GET', '/v1/invoices/:id', ({ req }) => live(req.params.id!));

  stripeRoute(deps, 'POST', '/v1/invoices/:id', ({ req, params, change }) => {
    onlyKnown(params, ['description', 'metadata', 'footer', 'auto_advance']);
    const id = req.params.id!;
    const current = live(id);
    const description = text(params, 'description');
    const metadata = mergeMetadata(current.metadata, params.metadata);
    return store.updateInvoice(id, (i) => ({ ...i, metadata, ...(description !== undefined ? { description } : {}) }), change);
  });

  stripeRoute(deps, 'DELETE', '/v1/invoices/:id', ({ req, change }) => {
    const id = req.params.id!;
    if (live(id).status !== 'draft') throw invalidRequest('You can only delete draft invoices.', { code: 'invoice_not_editable' });
    if (!deps.server.faults.consume('fake_delete', req)) store.deleteInvoice(id, change);
    return { id, object: 'invoice', deleted: true };
  });
}
