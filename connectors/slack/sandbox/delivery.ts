/**
 * Events API delivery as Slack does it (docs.slack.dev/apis/events-api): each event POSTed as JSON
 * to the request URL, signed (`v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing
 * secret, a fresh timestamp per attempt); an answer other than 2xx within 3 seconds is retried
 * (immediately, after 1 minute, after 5; `X-Slack-Retry-Num`, `X-Slack-Retry-Reason`) unless the
 * receiver says `X-Slack-No-Retry: 1`. Test levers: duplicates, delays, reordering.
 */
import { createHmac } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import type { Clock, Rng } from '../../../src/sandbox/index.js';
import { postTo, type PostOutcome } from './post.js';

export interface DeliveryOptions {
  /** Chance that an event is delivered twice (same `event_id`), as Slack sometimes does. @default 0 */
  duplicateRate: number;
  /** A delivery first waits a random time in this range, so later events can overtake it. @default [0, 0] */
  delayMs: [number, number];
  /** Events raised within `reorderWindowMs` of each other go out in shuffled order. @default false */
  reorder: boolean;
  /** @default 25 */
  reorderWindowMs: number;
  /** Waits before the retries of a failed delivery. @default [0, 60_000, 300_000], Slack's schedule */
  retryDelaysMs: number[];
  /** An answer slower than this counts as `http_timeout`. @default 3000 */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { duplicateRate: 0, delayMs: [0, 0], reorder: false, reorderWindowMs: 25, retryDelaysMs: [0, 60_000, 300_000], timeoutMs: 3000 };

/** One POST of one event, for assertions. */
export interface DeliveryAttempt {
  eventId: string;
  /** 0 for the first try, then Slack's X-Slack-Retry-Num. */
  retryNum: number;
  retryReason?: string;
  status?: number;
  delivered: boolean;
  at: number;
}

type Job = { eventId: string; body: string };

export function signBody(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class EventDelivery {
  options: DeliveryOptions = { ...DEFAULT_DELIVERY };
  url: string | null = null;
  readonly attempts: DeliveryAttempt[] = [];
  private pending = 0;
  private waiters: Array<() => void> = [];
  private buffer: Job[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private stopping = new AbortController();

  constructor(private readonly signingSecret: () => string, private readonly clock: Clock, private readonly rng: Rng) {}

  /** Signed headers for one attempt. */
  headers(body: string, retryNum = 0, reason?: string): Record<string, string> {
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    const headers: Record<string, string> = {
      'content-type': 'application/json', 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': timestamp, 'x-slack-signature': signBody(this.signingSecret(), timestamp, body),
    };
    if (retryNum > 0) Object.assign(headers, { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': reason ?? 'http_error' });
    return headers;
  }

  enqueue(eventId: string, payload: Record<string, unknown>): void {
    if (!this.url) return;
    const job = { eventId, body: JSON.stringify(payload) };
    const copies = this.rng() < this.options.duplicateRate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      if (!this.options.reorder) { this.track(this.dispatch(job)); continue; }
      this.buffer.push(job);
      this.flushTimer ??= setTimeout(() => this.flush(), this.options.reorderWindowMs);
    }
  }

  private flush(): void {
    this.flushTimer = undefined;
    const jobs = this.buffer.splice(0).map((job) => ({ job, key: this.rng() })).sort((a, b) => a.key - b.key);
    for (const { job } of jobs) this.track(this.dispatch(job));
  }

  private track(work: Promise<void>): void {
    this.pending += 1;
    void work.finally(() => {
      this.pending -= 1;
      if (this.pending === 0 && this.buffer.length === 0) for (const resolve of this.waiters.splice(0)) resolve();
    });
  }

  private async dispatch(job: Job): Promise<void> {
    const url = this.url;
    const [min, max] = this.options.delayMs;
    try {
      if (max > 0) await wait(min + this.rng() * (max - min), undefined, { signal: this.stopping.signal });
      let reason: string | undefined;
      for (let retryNum = 0; retryNum <= this.options.retryDelaysMs.length; retryNum++) {
        if (retryNum > 0) await wait(this.options.retryDelaysMs[retryNum - 1]!, undefined, { signal: this.stopping.signal });
        if (!url || this.stopping.signal.aborted) return;
        const outcome = await postTo(url, job.body, this.headers(job.body, retryNum, reason), this.options.timeoutMs);
        const delivered = outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300;
        this.attempts.push({ eventId: job.eventId, retryNum, ...(reason ? { retryReason: reason } : {}), ...(outcome.kind === 'answered' ? { status: outcome.status } : {}), delivered, at: this.clock.now() });
        if (delivered || (outcome.kind === 'answered' && outcome.headers['x-slack-no-retry'] === '1')) return;
        reason = reasonOf(outcome);
      }
    } catch {
      // stop() ended a wait: nobody is left to deliver to.
    }
  }

  /** Resolves once every queued delivery (retries included) has finished. */
  idle(): Promise<void> {
    if (this.pending === 0 && this.buffer.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopping.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.buffer = [];
    this.stopping = new AbortController();
  }
}

function reasonOf(outcome: PostOutcome): string {
  if (outcome.kind === 'timeout') return 'http_timeout';
  if (outcome.kind === 'failed') return 'connection_failed';
  return 'http_error';
}
