/**
 * /v1/events: the account's changes, newest first, kept for 30 days; filtered by `type` (one
 * name, `*` as a wildcard) or `types[]` (up to 20 names, not both) and by `created`
 * (docs.stripe.com/api/events/list).
 */
import { invalidRequest, resourceMissing } from '../errors.js';
import { listPage } from '../list.js';
import { stripeRoute, type RouteDeps } from '../route.js';
import type { StripeStore } from '../store.js';
import { onlyKnown } from '../validate.js';

export const EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

function typeFilter(type: unknown, types: unknown): ((eventType: string) => boolean) | undefined {
  if (type !== undefined && types !== undefined) throw invalidRequest('You may pass either `type` or `types`, but not both.', { param: 'types' });
  if (typeof type === 'string' && type) {
    const pattern = new RegExp(`^${type.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (t) => pattern.test(t);
  }
  if (types === undefined) return undefined;
  if (!Array.isArray(types) || types.some((t) => typeof t !== 'string')) throw invalidRequest('Invalid array', { param: 'types' });
  if (types.length > 20) throw invalidRequest('You can pass at most 20 types.', { param: 'types' });
  const wanted = new Set(types as string[]);
  return (t) => wanted.has(t);
}

export function eventRoutes(deps: RouteDeps, store: StripeStore): void {
  stripeRoute(deps, 'GET', '/v1/events', ({ params }) => {
    onlyKnown(params, ['limit', 'starting_after', 'ending_before', 'created', 'type', 'types', 'delivery_success']);
    const filter = typeFilter(params.type, params.types);
    const view = store.events.view(filter && ((e) => filter(e.type)));
    const notBeforeMs = store.clock.now() - EVENT_RETENTION_MS;
    return listPage({ params, url: '/v1/events', view, keyOf: (id) => store.events.keyOf(id), kind: 'event', notBeforeMs });
  });

  stripeRoute(deps, 'GET', '/v1/events/:id', ({ req }) => {
    const event = store.events.get(req.params.id!);
    if (!event || event.created * 1000 < store.clock.now() - EVENT_RETENTION_MS) throw resourceMissing('event', req.params.id!);
    return event;
  });
}
