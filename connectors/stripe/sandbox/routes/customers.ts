/**
 * /v1/customers: list (with the `email` filter), search, create, retrieve, update, delete.
 * A deleted customer still answers a retrieve, with 200 `{ id, object, deleted: true }`
 * (docs.stripe.com/api/customers/delete); it cannot be updated or deleted again.
 */
import { resourceMissing } from '../errors.js';
import { asString } from '../form.js';
import { listPage } from '../list.js';
import { customerChanges } from '../customer-params.js';
import { deletedCustomer } from '../objects/customer.js';
import { stripeRoute, type RouteDeps } from '../route.js';
import { searchCustomers } from '../search.js';
import type { StripeStore } from '../store.js';
import { onlyKnown } from '../validate.js';

const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'created', 'email', 'test_clock'];

export function customerRoutes(deps: RouteDeps, store: StripeStore): void {
  const customers = store.customers;
  const live = (id: string) => {
    const customer = customers.get(id);
    if (!customer) throw resourceMissing('customer', id);
    return customer;
  };

  stripeRoute(deps, 'GET', '/v1/customers', ({ params }) => {
    onlyKnown(params, LIST_PARAMS);
    return listPage({ params, url: '/v1/customers', view: customers.view(asString(params.email)), keyOf: (id) => customers.keyOf(id), kind: 'customer' });
  });

  stripeRoute(deps, 'GET', '/v1/customers/search', ({ params }) => {
    onlyKnown(params, ['query', 'limit', 'page']);
    return searchCustomers(customers.view(), params);
  });

  stripeRoute(deps, 'POST', '/v1/customers', ({ params, change }) => store.createCustomer(customerChanges(params), change));

  stripeRoute(deps, 'GET', '/v1/customers/:id', ({ req }) => {
    const id = req.params.id!;
    const customer = customers.get(id);
    if (customer) return customer;
    if (customers.removed(id)) return deletedCustomer(id);
    throw resourceMissing('customer', id);
  });

  stripeRoute(deps, 'POST', '/v1/customers/:id', ({ req, params, change }) => {
    const id = req.params.id!;
    const changes = customerChanges(params, live(id));
    return store.updateCustomer(id, (current) => ({ ...current, ...changes }), change);
  });

  stripeRoute(deps, 'DELETE', '/v1/customers/:id', ({ req, change }) => {
    const id = req.params.id!;
    live(id);
    // A vendor that lies: success answered, nothing deleted; only a read after the delete shows it.
    if (!deps.server.faults.consume('fake_delete', req)) store.deleteCustomer(id, change);
    return deletedCustomer(id);
  });
}
