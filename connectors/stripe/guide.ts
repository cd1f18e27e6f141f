/**
 * "Connect your system" for Stripe: where the key is, which permissions a restricted key needs,
 * and the limits that apply (docs.stripe.com/keys, docs.stripe.com/rate-limits).
 */
export const stripeGuide = {
  steps: [
    'In the Stripe Dashboard, open Developers → API keys (dashboard.stripe.com/apikeys). Use the toggle at the top to choose test mode or live mode: keys, data and events are separate per mode.',
    'Recommended: create a restricted key named "Forgeworks" with Customers: Write (Read is enough if Forgeworks only reads from Stripe), Charges: Read, Invoices: Read and Events: Read. Leave everything else at None.',
    'Or reveal the standard secret key (sk_live_… / sk_test_…). It can do everything in the account, so prefer a restricted key (rk_live_…).',
    'Paste the key into "API key". Forgeworks sends it as a Bearer token to api.stripe.com only, and pins the Stripe API version, so your account\'s default version does not change what it reads.',
    'Changes are read from the Events API, which keeps 30 days of events: a connection paused for longer is read in full on its next run.',
  ],
  scopes: ['Customers: Write', 'Charges: Read', 'Invoices: Read', 'Events: Read'],
  limits: 'Stripe allows 100 requests per second in live mode and 25 in test mode per account, 25 per second per endpoint unless noted, and 20 per second for search. Forgeworks sends at most 25 requests per second per connection, the per-endpoint limit that binds both modes when a sync or a load works one endpoint.',
};
