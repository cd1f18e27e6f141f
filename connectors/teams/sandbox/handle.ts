/**
 * What a test gets from the Teams stand-in: the app registration's credentials, a delegated
 * user token, "human" levers (post, edit, delete as a person), the channel state, and change
 * notifications to subscriptions, with levers to duplicate, delay, reorder and batch them.
 */
import type { SandboxServer } from '../../../src/sandbox/index.js';
import type { GraphPrincipal } from './identity.js';
import type { PermissionModel } from './messages.js';
import type { NotificationAttempt, NotifyOptions } from './notifier.js';
import type { Subscription } from './subscriptions.js';
import type { StoredChatMessage, Tenant } from './tenant.js';

export interface TeamsSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Seeds ids and delivery randomness. @default 1 */
  seed?: number;
  /** 'documented' refuses app-only posting, editing and deleting as Graph documents. @default 'lenient' */
  permissions?: PermissionModel;
  /** Requests per app per window before a 429 with Retry-After; Graph's real limits vary by API. @default false */
  rateLimit?: { limit: number; windowMs: number } | false;
  /** The app registration's client secret. @default a random one */
  clientSecret?: string;
  /** The clientState handed out for connections. @default a random one */
  clientState?: string;
}

export interface TeamsSandbox {
  baseUrl: string;
  server: SandboxServer<GraphPrincipal>;
  tenant: Tenant;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A clientState secret for the connection (any string works; capture compares with the connection's). */
  clientState: string;
  /** A delegated token for the signed-in bridge user (`delegated` method, as `accessToken`). */
  userToken: string;
  userId: string;
  /** The person behind postAsHuman. */
  humanUserId: string;
  teamId: string;
  /** Channel refs as the connector names them: "{teamId}/{channelId}". */
  channels: { general: string; random: string };
  /** An incoming webhook into General: `https://forgeworks.webhook.office.com/webhookb2/…`. */
  webhookUrl: string;
  createChannel(name: string): string;
  /** Posts as a person; returns the id as the connector names it (a reply: "{rootId}/{replyId}"). */
  postAsHuman(channel: string, text: string, options?: { threadId?: string }): string;
  editAsHuman(channel: string, id: string, text: string): void;
  /** Soft-deletes, as the Teams client does. */
  deleteAsHuman(channel: string, id: string): void;
  /** Every message of a channel as it stands (soft-deleted ones with deletedDateTime), roots then their replies. */
  messages(channel: string): StoredChatMessage[];
  /** The live (unexpired) subscriptions. */
  subscriptions(): Subscription[];
  setDelivery(options: Partial<NotifyOptions>): void;
  readonly deliveries: readonly NotificationAttempt[];
  /**
   * Lets `ms` pass for the subscriptions: each expiry comes that much closer, and one past it
   * lapses (no deliveries, 404 on renewal). The wall clock is left alone, so the connector's
   * own clock (which picks expiry times) stays in step with the sandbox's.
   */
  advanceTime(ms: number): void;
  /** Invalidates every issued access token. */
  revokeTokens(): void;
  /** Expires the client secret (tokens already issued die too); the token endpoint refuses it with invalid_client. */
  revokeClientSecret(): void;
  restoreClientSecret(): void;
  /** Withdraws (and gives back) admin consent: tokens are issued, Graph answers 403 for the app. */
  revokeConsent(): void;
  restoreConsent(): void;
  /** Resolves when every pending notification (retries included) is done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}
