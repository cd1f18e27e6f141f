/**
 * The Stripe sandbox as the shared conformance suites see it: seed, change and delete objects
 * the way an account's users would, revoke the key, and answer Stripe's own error bodies.
 * Deleting is per object: a customer is deleted (`customer.deleted` event), a draft invoice is
 * deleted (`invoice.deleted`), and a charge, which Stripe never deletes, vanishes the one way it
 * can: a test-data purge, with no event (so charges rely on reconciliation).
 */
import type { SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { errorAnswer } from './error-answers.js';
import { startStripeSandbox, type StripeSandboxOptions } from './start.js';
import { SEEDABLE, type SeedableObject } from './seed.js';

function seedable(object: string): SeedableObject {
  if (!(SEEDABLE as readonly string[]).includes(object)) throw new Error(`the Stripe sandbox has no object "${object}"`);
  return object as SeedableObject;
}

export async function startConformanceSandbox(options: StripeSandboxOptions = {}): Promise<ConformanceSandbox> {
  const sandbox = await startStripeSandbox(options);
  const { store } = sandbox;
  const touched = { requestId: null, idempotencyKey: null };
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'secret_key',
    credentials: { apiKey: sandbox.apiKey },
    config: {},
    seed: (object, count) => { sandbox.seed(seedable(object), count); },
    liveIds: (object) => {
      const name = seedable(object);
      return name === 'customers' ? store.customers.liveIds() : name === 'charges' ? store.charges.ids() : store.invoices.ids();
    },
    touch: (object, id) => {
      const stamp = { touched_at: new Date(store.clock.now()).toISOString() };
      const name = seedable(object);
      if (name === 'customers') store.updateCustomer(id, (c) => ({ ...c, metadata: { ...c.metadata, ...stamp } }), touched);
      else if (name === 'charges') store.updateCharge(id, (c) => ({ ...c, metadata: { ...c.metadata, ...stamp } }), touched);
      else store.updateInvoice(id, (i) => ({ ...i, metadata: { ...i.metadata, ...stamp } }), touched);
    },
    remove: (object, id) => {
      const name = seedable(object);
      if (name === 'customers') store.deleteCustomer(id, touched);
      else if (name === 'charges') store.purgeCharge(id);
      else store.deleteInvoice(id, touched);
    },
    revokeCredentials: () => sandbox.keys.expire(sandbox.apiKey),
    errorResponse: (status) => errorAnswer(status, sandbox.apiKey),
    stop: () => sandbox.stop(),
  };
}
