/**
 * One window of the events feed, `created` in [from, to], read newest first and kept per object
 * at its newest event. Reading stops early (`overflow`) once more than `cap` objects are held and
 * pages remain: the caller then reads the window's older part first.
 */
import type { QueryValue } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { paginate } from '../../../src/stream/index.js';
import { eventSchema, listSchema, type StripeEvent } from '../schemas.js';
import { STARTING_AFTER } from './list-read.js';
import type { StripeResource } from './resources.js';

/** Distinct objects held in memory per window. @default 10_000 */
export const MAX_BUFFERED = 10_000;

export interface Window {
  /** Object id → its newest event, with its place in Stripe's order (lower is newer). */
  latest: Map<string, { event: StripeEvent; order: number }>;
  oldest: number | undefined;
  overflow: boolean;
}

export async function collect(ctx: ConnectorContext, resource: StripeResource, from: number, to: number | undefined, cap: number): Promise<Window> {
  const query: Record<string, QueryValue> = { 'types[]': resource.eventTypes, 'created[gte]': from };
  if (to !== undefined) query['created[lte]'] = to;
  const window: Window = { latest: new Map(), oldest: undefined, overflow: false };
  let order = 0;
  for await (const page of paginate(ctx, { request: { url: '/v1/events', query }, paginator: STARTING_AFTER, recordsPath: 'data', schema: listSchema(eventSchema) })) {
    for (const event of page.records as StripeEvent[]) {
      window.oldest = event.created;
      const object = event.data.object;
      if (object.object === resource.objectType && !window.latest.has(object.id)) window.latest.set(object.id, { event, order: order++ });
    }
    if (window.latest.size > cap && page.next) return { ...window, overflow: true };
  }
  return window;
}
