/**
 * The Stripe API version this connector is written against, pinned on every call with the
 * `Stripe-Version` header (docs.stripe.com/api/versioning), so an account's default version
 * (set in its Dashboard) never changes the shapes the schemas expect. It is the version the
 * installed `stripe` SDK (23.1.0) pins.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';
