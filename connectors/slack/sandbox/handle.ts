/**
 * What a test gets from the Slack stand-in: the bot's credentials, "human" levers (post, edit,
 * delete as a person), the channel state, and Events API delivery to a request URL.
 */
import type { Clock, SandboxServer } from '../../../src/sandbox/index.js';
import type { SlackPrincipal } from './auth.js';
import type { DeliveryAttempt, DeliveryOptions } from './delivery.js';
import type { SlackLimitOptions } from './limits.js';
import type { StoredMessage, Workspace } from './workspace.js';

export interface SlackSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Slack's limits; false turns them off. @default Slack's (see limits.ts) */
  rateLimit?: SlackLimitOptions | false;
  /** @default systemClock */
  clock?: Clock;
  /** Seeds ids, tokens and delivery randomness. @default 1 */
  seed?: number;
  /** The bot token accepted. @default a random `xoxb-` token */
  botToken?: string;
  /** The app's signing secret. @default 32 random hex digits */
  signingSecret?: string;
}

export interface SlackSandbox {
  baseUrl: string;
  server: SandboxServer<SlackPrincipal>;
  workspace: Workspace;
  botToken: string;
  signingSecret: string;
  teamId: string;
  appId: string;
  botId: string;
  botUserId: string;
  /** The human who posts through the levers below. */
  humanUserId: string;
  /** Two channels the bot is in. */
  channels: { general: string; random: string };
  /** An incoming webhook into #general: `https://hooks.slack.com/services/T…/B…/…`. */
  webhookUrl: string;
  createChannel(name: string): string;
  archiveChannel(channel: string): void;
  revokeToken(): void;
  restoreToken(): void;
  /** Posts as a person (a thread reply with `threadId`); returns the message's ts. */
  postAsHuman(channel: string, text: string, options?: { threadId?: string; user?: string }): string;
  editAsHuman(channel: string, ts: string, text: string): void;
  deleteAsHuman(channel: string, ts: string): void;
  /** Every message of a channel as it stands, roots and replies, oldest first. */
  messages(channel: string): StoredMessage[];
  /** Sets the Events API request URL after Slack's url_verification challenge; null stops delivery. */
  setEventsUrl(url: string | null): Promise<void>;
  setDelivery(options: Partial<DeliveryOptions>): void;
  /** Every delivery attempt so far. */
  readonly deliveries: readonly DeliveryAttempt[];
  /** Resolves when every pending delivery (retries included) is done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}
