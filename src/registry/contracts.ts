/**
 * The contracts between the platform and a connector's code: what `ctx` hands a connector, what
 * a source yields and what a destination answers. Definitions (data) live in definition.ts.
 */
import type { HttpExecutor, Logger } from '../core/index.js';

export interface TenantRef {
  workspaceId: string;
  connectionId: string;
}

/** Everything platform-owned a connector may use. It never calls fetch or reads env itself. */
export interface ConnectorContext {
  http: HttpExecutor;
  /** Non-secret connection fields (subdomain, instance URL, account id). */
  config: Record<string, unknown>;
  /** The secret fields, resolved from the store at the moment of use. Only for vendor quirks. */
  credentials(): Promise<Record<string, string>>;
  logger: Logger;
  signal: AbortSignal;
  tenant: TenantRef;
}

export type SyncMode = 'full' | 'incremental';

/** A vendor record as read, plus the tombstone flag for a deleted feed. */
export interface SourceRecord {
  /** The vendor's primary key. */
  id: string;
  data: Record<string, unknown>;
  /** True when the vendor reports the record deleted (archived, in a deleted feed, an event). */
  deleted?: boolean;
  /** The cursor value of this record (e.g. its modification time), for checkpoints. */
  cursorValue?: string | number;
}

export interface Page {
  records: SourceRecord[];
  /** The cursor to resume from after this page has been committed. */
  cursor: unknown;
  hasMore: boolean;
}

export interface ReadOptions {
  cursor: unknown;
  mode: SyncMode;
}

export interface SourceOperations {
  read(ctx: ConnectorContext, options: ReadOptions): AsyncIterable<Page>;
  /** How deletes are learnt: a vendor feed, or reconciliation after a complete full read. */
  deletes: 'feed' | 'reconcile';
}

/** One record's outcome in a destination write: per record, never all-or-nothing. */
export type WriteOutcome =
  | { ok: true; id: string; record?: Record<string, unknown> }
  | { ok: false; error: import('../core/errors.js').ConnectorError };

export interface DestinationOperations {
  /**
   * Reads current state by vendor id; a missing id is absent from the map (or null). `fields`:
   * fields the caller needs beyond the connector's defaults (a load's snapshot must hold every
   * field the load writes, or its rollback cannot restore them).
   */
  get(ctx: ConnectorContext, ids: string[], options?: { fields?: string[] }): Promise<Map<string, Record<string, unknown> | null>>;
  /** Finds records by natural key value (e.g. email); absent keys have no entry. */
  findByNaturalKey?(ctx: ConnectorContext, values: string[]): Promise<Map<string, Record<string, unknown>>>;
  create(ctx: ConnectorContext, records: Array<Record<string, unknown>>, options: { idempotencyKeys: string[] }): Promise<WriteOutcome[]>;
  update(ctx: ConnectorContext, records: Array<{ id: string; fields: Record<string, unknown> }>): Promise<WriteOutcome[]>;
  delete(ctx: ConnectorContext, ids: string[]): Promise<WriteOutcome[]>;
  /** Re-creates a deleted record where the vendor allows (restore from the archive). */
  restore?(ctx: ConnectorContext, id: string, snapshot: Record<string, unknown>): Promise<WriteOutcome>;
  /** Records per call the vendor accepts. */
  batchSize: number;
  /** The vendor fields that are read-only or normalised and so are not compared in verify. */
  ignoreOnVerify?: string[];
  /** The vendor's normalisation of a written value (e.g. lower-cased emails) before comparing. */
  normalise?(field: string, value: unknown): unknown;
  /** Flat vendor fields of a fetched record (e.g. HubSpot's `properties`), for diff and verify. @default the record */
  fieldsOf?(record: Record<string, unknown>): Record<string, unknown>;
}

/** What `testConnection` and `healthCheck` answer. */
export interface ConnectionCheck {
  ok: boolean;
  message?: string;
}

export interface OutboundMessage {
  channel?: string;
  to?: string;
  text: string;
  /** The thread's root message id on this vendor, for a reply. */
  threadId?: string;
  subject?: string;
  data?: Record<string, unknown>;
  /**
   * Set by the event hub on a bridged copy: an opaque token the connector stamps onto the message
   * where the vendor can carry it (Slack message metadata), so that capture reads it back and the
   * hub never echoes its own copies.
   */
  bridgeMarker?: string;
}

/** Where a posted message lives, in the vendor's own terms. */
export interface MessageRef {
  channel: string;
  id: string;
}

/** An inbound delivery from a vendor (Events API call, Graph notification), as the server got it. */
export interface InboundRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  query: Record<string, string>;
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: string;
  receivedAtMs: number;
}

/** A message event captured from a chat system, normalised for the hub. */
export interface CapturedMessageEvent {
  /** The vendor's id of this delivery, stable across its retries. */
  eventId: string;
  type: 'posted' | 'edited' | 'deleted';
  channel: string;
  messageId: string;
  /** The thread root's message id, for a reply. */
  threadId?: string;
  /** Absent when the vendor's notification carries no content; the hub then calls `fetch`. */
  text?: string;
  authorId?: string;
  /** The bridge marker read back from the message: this message is a bridged copy. */
  bridgeMarker?: string;
  /** True when this connection's own bot or app wrote the message. */
  fromSelf?: boolean;
  /** When the vendor says the change happened (ISO 8601); orders edits that arrive out of order. */
  occurredAt: string;
}

/** What a connector makes of an inbound delivery. */
export type InboundOutcome =
  /** A handshake the vendor expects answered verbatim (Slack url_verification, Graph validationToken). */
  | { kind: 'reply'; status: number; contentType: string; body: string }
  | { kind: 'events'; events: CapturedMessageEvent[] }
  /** Signature, timestamp or clientState wrong: answered with `status`, never processed. */
  | { kind: 'refused'; status: number; reason: string };

export interface CaptureContext {
  /** The connection's secret fields (signing secret, clientState secret). */
  secrets: Record<string, string>;
  config: Record<string, unknown>;
  nowMs: number;
}

/** A live subscription the vendor expires (Graph change notifications). */
export interface MessageSubscription {
  id: string;
  expiresAt: string;
}

export interface MessagingOperations {
  send(ctx: ConnectorContext, message: OutboundMessage, options: { idempotencyKey: string }): Promise<{ id: string; raw?: unknown }>;
  /** Replaces a posted message's text. */
  update?(ctx: ConnectorContext, ref: MessageRef, message: OutboundMessage): Promise<void>;
  /** Deletes a posted message; a message already gone is not an error. */
  delete?(ctx: ConnectorContext, ref: MessageRef): Promise<void>;
  /** Reads one message (for notifications without content); null when it no longer exists. */
  fetch?(ctx: ConnectorContext, ref: MessageRef & { threadId?: string }): Promise<Omit<CapturedMessageEvent, 'eventId' | 'type' | 'occurredAt'> | null>;
  /** Verifies and parses an inbound delivery. Pure: no HTTP, so a refusal costs nothing. */
  capture?(request: InboundRequest, context: CaptureContext): InboundOutcome | Promise<InboundOutcome>;
  /** Starts or renews the vendor's push subscription for a channel's messages. */
  subscribe?(ctx: ConnectorContext, options: { channel: string; notificationUrl: string; clientState: string; existing?: MessageSubscription }): Promise<MessageSubscription>;
}
