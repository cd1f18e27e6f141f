/**
 * One Stripe object type in memory: a toolkit Collection (prefixed ids, cached sorted views)
 * plus what deletion leaves behind, since Stripe still answers a deleted customer by id and a
 * list cursor may still name it.
 */
import { Collection, prefixedIds, type Clock, type IdGenerator } from '../../../src/sandbox/index.js';
import { arrayView, type OrderedView, type OrderKey } from './ordered.js';

export interface StripeObject {
  id: string;
  object: string;
  created: number;
}

export class StripeTable<T extends StripeObject> {
  private readonly live: Collection<T>;
  private readonly gone = new Map<string, { key: OrderKey; object: T }>();
  private readonly nextId: IdGenerator;

  /** @param idLength characters after the prefix (14 for most objects, 24 for events) */
  constructor(readonly prefix: string, clock: Clock, seed: number, idLength = 14) {
    this.live = new Collection<T>({ clock });
    this.nextId = prefixedIds(prefix, { seed, length: idLength });
  }

  newId(): string {
    return this.nextId();
  }

  get size(): number {
    return this.live.size;
  }

  /** Stores an object built with its id and `created`; `createdMs` orders objects within a second. */
  insert(object: T, createdMs: number): T {
    this.live.insert(object, { id: object.id, at: createdMs });
    return object;
  }

  get(id: string): T | undefined {
    return this.live.get(id)?.data;
  }

  replace(id: string, object: T): T | undefined {
    return this.live.update(id, () => object)?.data;
  }

  /** Removes an object; `removed(id)` still knows it and `keyOf(id)` still places it. */
  remove(id: string): T | undefined {
    const entry = this.live.get(id);
    if (!entry) return undefined;
    this.live.remove(id);
    this.gone.set(id, { key: { createdMs: entry.createdAt, id }, object: entry.data });
    return entry.data;
  }

  removed(id: string): T | undefined {
    return this.gone.get(id)?.object;
  }

  keyOf(id: string): OrderKey | undefined {
    const entry = this.live.get(id);
    return entry ? { createdMs: entry.createdAt, id } : this.gone.get(id)?.key;
  }

  /** Live objects in Stripe's list order (newest first). */
  view(filter?: (object: T) => boolean): OrderedView<T> {
    const entries = this.live.list({ sortBy: 'createdAt', order: 'desc', filter: filter && ((e) => filter(e.data)) });
    const view = arrayView(entries, (e) => ({ createdMs: e.createdAt, id: e.id }));
    return { length: view.length, keyAt: view.keyAt, at: (i) => entries[i]?.data };
  }

  ids(): string[] {
    return this.live.list({ sortBy: 'createdAt', order: 'desc' }).map((e) => e.id);
  }
}
