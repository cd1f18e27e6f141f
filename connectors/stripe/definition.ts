/**
 * Stripe: customers (two-way), charges and invoices (read) over the v1 API. Data first; the
 * quirks (events as the changes feed, bracket-encoded forms, the error body) live beside it.
 */
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { customerDestination } from './destination/customers.js';
import { classifyStripeOutcome, parseStripeError } from './errors.js';
import { stripeGuide } from './guide.js';
import { stripeHealthCheck, testStripeConnection } from './health.js';
import { chargeToActivity, customerToPerson, invoiceToActivity, personToCustomer } from './mappings.js';
import { stripeSource } from './source/read.js';
import { charges, customers, invoices } from './source/resources.js';
import { STRIPE_API_VERSION } from './version.js';

const keyField = {
  name: 'apiKey', label: 'API key', type: 'password' as const, required: true, secret: true,
  placeholder: 'rk_live_… or sk_live_…', pattern: '^(sk|rk)_(live|test)_[A-Za-z0-9]+$',
  help: 'A restricted key (rk_…) with the permissions listed in the guide, or the secret key (sk_…).',
};

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/factory.js')).stripeSandboxFactory(options);

export const stripeDefinition: ConnectorDefinitionInput = {
  id: 'stripe',
  name: 'Stripe',
  version: '1.0.0',
  category: 'billing',
  docsUrl: 'https://docs.stripe.com/api',
  description: 'Customers in both directions; charges and invoices as activities. Changes are read from the Events API.',
  auth: [
    { id: 'secret_key', type: 'api_key', label: 'API key', fields: [keyField], placement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' } },
    // Stripe also takes the key as the Basic user with an empty password (docs.stripe.com/api/authentication).
    { id: 'secret_key_basic', type: 'api_key', label: 'API key (HTTP Basic)', fields: [keyField], placement: { in: 'basic_user' } },
  ],
  allowedDomains: ['api.stripe.com'],
  baseUrl: 'https://api.stripe.com',
  // 25/s: Stripe's per-endpoint default and its test-mode account limit (docs.stripe.com/rate-limits).
  rateLimit: { requests: 25, windowMs: 1000, scope: 'connection' },
  idempotencyHeader: 'Idempotency-Key',
  defaultHeaders: { 'Stripe-Version': STRIPE_API_VERSION },
  errorParser: parseStripeError,
  classifyOutcome: classifyStripeOutcome,
  objects: [
    {
      name: 'customers', label: 'Customers', canonical: 'person', primaryKey: 'id', naturalKey: 'email', cursorField: 'created',
      mapping: customerToPerson, destinationMapping: personToCustomer,
      source: stripeSource(customers, 'feed'), destination: customerDestination,
    },
    {
      name: 'charges', label: 'Charges', canonical: 'activity', primaryKey: 'id', cursorField: 'created',
      mapping: chargeToActivity, source: stripeSource(charges, 'reconcile'),
    },
    {
      name: 'invoices', label: 'Invoices', canonical: 'activity', primaryKey: 'id', cursorField: 'created',
      mapping: invoiceToActivity, source: stripeSource(invoices, 'feed'),
    },
  ],
  testConnection: testStripeConnection,
  healthCheck: stripeHealthCheck,
  guide: stripeGuide,
  sandbox,
};
