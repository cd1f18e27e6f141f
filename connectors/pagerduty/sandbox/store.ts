/**
 * Alerts as the Events API builds them (developer.pagerduty.com, "Alert De-Duplication"): a
 * trigger opens an alert under its dedup key, or joins the open alert with that key from the same
 * integration; acknowledge and resolve change the open alert, and are dropped when there is
 * none; after a resolve, a trigger with the same key opens a new alert. Every accepted event is
 * kept for tests, with what became of it.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../src/sandbox/index.js';

export type AlertStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface Alert {
  dedupKey: string;
  routingKey: string;
  status: AlertStatus;
  summary: string;
  severity: string;
  source: string;
  createdAt: number;
  /** Every event applied to this alert, the opening trigger first. */
  events: Array<Record<string, unknown>>;
}

export interface RecordedEvent {
  at: number;
  dedupKey: string;
  action: string;
  /** What PagerDuty did with it. */
  outcome: 'opened' | 'deduplicated' | 'acknowledged' | 'resolved' | 'dropped';
  body: Record<string, unknown>;
}

export class PagerDutyStore {
  readonly alerts: Alert[] = [];
  readonly events: RecordedEvent[] = [];

  constructor(readonly clock: Clock) {}

  private open(routingKey: string, dedupKey: string): Alert | undefined {
    return this.alerts.find((a) => a.routingKey === routingKey && a.dedupKey === dedupKey && a.status !== 'resolved');
  }

  /** Applies a valid event; returns its dedup key (generated for a trigger without one). */
  apply(body: Record<string, unknown>): string {
    const routingKey = String(body.routing_key);
    const action = String(body.event_action);
    // Without a key, a trigger always opens a new alert: the generated key is a fresh UUID.
    const dedupKey = typeof body.dedup_key === 'string' && body.dedup_key !== '' ? body.dedup_key : randomUUID().replace(/-/g, '');
    const alert = this.open(routingKey, dedupKey);
    let outcome: RecordedEvent['outcome'];
    if (action === 'trigger') {
      if (alert) {
        alert.events.push(body);
        outcome = 'deduplicated';
      } else {
        const payload = body.payload as Record<string, unknown>;
        this.alerts.push({
          dedupKey, routingKey, status: 'triggered', summary: String(payload.summary), severity: String(payload.severity), source: String(payload.source),
          createdAt: this.clock.now(), events: [body],
        });
        outcome = 'opened';
      }
    } else if (!alert) outcome = 'dropped';
    else {
      alert.status = action === 'acknowledge' ? 'acknowledged' : 'resolved';
      alert.events.push(body);
      outcome = alert.status;
    }
    this.events.push({ at: this.clock.now(), dedupKey, action, outcome, body });
    return dedupKey;
  }
}
