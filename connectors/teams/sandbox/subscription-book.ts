/**
 * The subscriptions Graph keeps (learn.microsoft.com/graph/api/resources/subscription): a lapsed
 * one is gone, as in Graph, and `age` lets time pass for all of them in tests.
 */
import type { Clock } from '../../../src/sandbox/index.js';

export interface Subscription {
  id: string;
  resource: string;
  applicationId: string;
  changeType: string;
  clientState: string | null;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  creatorId: string;
  includeResourceData: false;
  latestSupportedTlsVersion: 'v1_2';
  encryptionCertificate: null;
  encryptionCertificateId: null;
  notificationQueryOptions: null;
  notificationUrlAppId: null;
}

export class SubscriptionBook {
  readonly all = new Map<string, Subscription>();

  constructor(private readonly clock: Clock) {}

  /** Lapsed subscriptions are gone, as in Graph. */
  live(id: string): Subscription | undefined {
    const sub = this.all.get(id);
    if (sub && Date.parse(sub.expirationDateTime) <= this.clock.now()) this.all.delete(id);
    return this.all.get(id);
  }

  active(): Subscription[] {
    return [...this.all.keys()].flatMap((id) => this.live(id) ?? []);
  }

  /** Lets `ms` pass for every subscription: its expiry comes that much closer. */
  age(ms: number): void {
    for (const sub of this.all.values()) sub.expirationDateTime = new Date(Date.parse(sub.expirationDateTime) - ms).toISOString();
  }
}

