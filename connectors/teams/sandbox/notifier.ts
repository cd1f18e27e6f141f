/**
 * Change notifications as Graph sends them for channel messages
 * (learn.microsoft.com/graph/teams-changenotifications-chatmessage, change-notifications-delivery-webhooks):
 * `{ value: [ { subscriptionId, changeType, clientState, subscriptionExpirationDateTime,
 * resource, resourceData: { id, @odata.type, @odata.id }, tenantId } ] }` POSTed to each live
 * subscription whose resource and change types match; no content (no includeResourceData). An
 * answer other than 2xx is retried with backoff (Graph: for up to 4 hours); a lapsed subscription
 * delivers nothing. Test levers: duplicates, delays, reordering, batching several in one POST.
 */
import { setTimeout as wait } from 'node:timers/promises';
import type { Rng } from '../../../src/sandbox/index.js';
import { postTo } from './post.js';
import type { SubscriptionBook } from './subscriptions.js';
import type { MessageChange } from './tenant.js';

export interface NotifyOptions {
  /** Chance that a notification is delivered twice. @default 0 */
  duplicateRate: number;
  /** A delivery first waits a random time in this range. @default [0, 0] */
  delayMs: [number, number];
  /** Notifications raised within `windowMs` go out in shuffled order. @default false */
  reorder: boolean;
  /** Notifications raised within `windowMs` for one URL go out in one POST, as Graph may batch them. @default false */
  batch: boolean;
  /** @default 25 */
  windowMs: number;
  /** Waits before the retries of a failed delivery. @default [60_000, 300_000, 900_000, 3_600_000] */
  retryDelaysMs: number[];
  /** @default 10_000 */
  timeoutMs: number;
}

export const DEFAULT_NOTIFY: NotifyOptions = { duplicateRate: 0, delayMs: [0, 0], reorder: false, batch: false, windowMs: 25, retryDelaysMs: [60_000, 300_000, 900_000, 3_600_000], timeoutMs: 10_000 };

export interface NotificationAttempt {
  url: string;
  subscriptionIds: string[];
  changeTypes: string[];
  retry: number;
  status?: number;
  delivered: boolean;
}

type Item = { url: string; notification: Record<string, unknown> };

const resourceOf = (c: MessageChange) => {
  const base = `teams('${c.channel.teamId}')/channels('${c.channel.id}')/messages('${c.message.replyToId ?? c.message.id}')`;
  return c.message.replyToId ? `${base}/replies('${c.message.id}')` : base;
};

export class Notifier {
  options: NotifyOptions = { ...DEFAULT_NOTIFY };
  readonly attempts: NotificationAttempt[] = [];
  private buffer: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pending = 0;
  private waiters: Array<() => void> = [];
  private stopping = new AbortController();

  constructor(private readonly book: SubscriptionBook, private readonly tenantId: string, private readonly rng: Rng) {}

  notify(change: MessageChange): void {
    for (const sub of this.book.active()) {
      const match = /^\/?teams\/([^/]+)\/channels\/([^/]+)\/messages$/.exec(sub.resource);
      if (!match || decodeURIComponent(match[1]!) !== change.channel.teamId || decodeURIComponent(match[2]!) !== change.channel.id) continue;
      if (!sub.changeType.split(',').map((c) => c.trim()).includes(change.changeType)) continue;
      const resource = resourceOf(change);
      const notification = {
        subscriptionId: sub.id, changeType: change.changeType, clientState: sub.clientState, subscriptionExpirationDateTime: sub.expirationDateTime,
        resource, resourceData: { id: change.message.id, '@odata.type': '#Microsoft.Graph.chatMessage', '@odata.id': resource }, tenantId: this.tenantId,
      };
      const copies = this.rng() < this.options.duplicateRate ? 2 : 1;
      for (let i = 0; i < copies; i++) this.buffer.push({ url: sub.notificationUrl, notification });
    }
    if (this.buffer.length === 0) return;
    if (!this.options.reorder && !this.options.batch) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
  }

  private flush(): void {
    this.timer = undefined;
    let items = this.buffer.splice(0);
    if (this.options.reorder) items = items.map((item) => ({ item, key: this.rng() })).sort((a, b) => a.key - b.key).map(({ item }) => item);
    const posts = this.options.batch
      ? [...new Set(items.map((i) => i.url))].map((url) => ({ url, value: items.filter((i) => i.url === url).map((i) => i.notification) }))
      : items.map((i) => ({ url: i.url, value: [i.notification] }));
    for (const post of posts) this.track(this.deliver(post.url, post.value));
  }

  private track(work: Promise<void>): void {
    this.pending += 1;
    void work.finally(() => {
      this.pending -= 1;
      if (this.pending === 0 && this.buffer.length === 0) for (const resolve of this.waiters.splice(0)) resolve();
    });
  }

  private async deliver(url: string, value: Array<Record<string, unknown>>): Promise<void> {
    const [min, max] = this.options.delayMs;
    const body = JSON.stringify({ value });
    const record = { url, subscriptionIds: value.map((n) => n.subscriptionId as string), changeTypes: value.map((n) => n.changeType as string) };
    try {
      if (max > 0) await wait(min + this.rng() * (max - min), undefined, { signal: this.stopping.signal });
      for (let retry = 0; retry <= this.options.retryDelaysMs.length; retry++) {
        if (retry > 0) await wait(this.options.retryDelaysMs[retry - 1]!, undefined, { signal: this.stopping.signal });
        // A subscription that lapsed while its notification waited delivers nothing.
        if (record.subscriptionIds.every((id) => !this.book.live(id))) return;
        const outcome = await postTo(url, body, 'application/json; charset=utf-8', this.options.timeoutMs);
        const delivered = outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300;
        this.attempts.push({ ...record, retry, ...(outcome.kind === 'answered' ? { status: outcome.status } : {}), delivered });
        if (delivered) return;
      }
    } catch {
      // stop() ended a wait.
    }
  }

  idle(): Promise<void> {
    if (this.pending === 0 && this.buffer.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    this.buffer = [];
    this.stopping = new AbortController();
  }
}
