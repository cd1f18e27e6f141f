/**
 * A loopback stand-in for the Stripe API (v1): customers, charges, invoices, events, customer
 * search, idempotency keys, test-mode rate limits, and a generated mode that serves millions of
 * customers from a formula. Not the real service: connectors/stripe/README.md lists what it
 * leaves out.
 */
export { startStripeSandbox, type StripeSandbox, type StripeSandboxOptions } from './start.js';
export { stripeSandboxFactory } from './factory.js';
export { startConformanceSandbox } from './conformance.js';
export { generatedId, generatedIndex, GENERATED_EPOCH } from './generated.js';
export type { SeedableObject } from './seed.js';
export type { StripeStore } from './store.js';
