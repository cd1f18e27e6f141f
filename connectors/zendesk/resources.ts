/**
 * The Zendesk objects read, as data: which incremental export serves them (cursor-based for
 * tickets and users, time-based for organizations), what time the export orders them by, and
 * how a deletion shows. Tickets: `status: "deleted"` in the export, and the deleted-tickets list.
 * Users: soft-deleted users stay in the export with `active: false`. Organizations are deleted
 * for good and no export lists them afterwards, so a full read reconciles them.
 */
import type { z } from 'zod';
import { splitName } from './names.js';
import { ticketExportSchema, userExportSchema, type CursorExportPage } from './schemas.js';

export interface ExportResource {
  object: 'tickets' | 'users' | 'organizations';
  style: 'cursor' | 'time';
  path: string;
  /** Cursor-based exports: the page schema, read into `{ items, after, end }`. */
  pageSchema?: z.ZodType<CursorExportPage>;
  /** The change time the export orders and filters by. */
  changedAt(record: Record<string, unknown>): string | number | undefined;
  isDeleted(record: Record<string, unknown>): boolean;
  /** The record the platform stores. */
  toRecord(record: Record<string, unknown>): Record<string, unknown>;
  /** Tickets: also read `GET /api/v2/deleted_tickets` in incremental reads. */
  deletedList: boolean;
  deletes: 'feed' | 'reconcile';
}

export const TICKETS: ExportResource = {
  object: 'tickets', style: 'cursor', path: '/api/v2/incremental/tickets/cursor.json', pageSchema: ticketExportSchema,
  // The export compares start_time with generated_timestamp, which system updates move too.
  changedAt: (t) => (typeof t.generated_timestamp === 'number' ? t.generated_timestamp : (t.updated_at as string)),
  isDeleted: (t) => t.status === 'deleted',
  // Activities need a type; a ticket's own `type` (question, incident…) is often null.
  toRecord: (t) => ({ ...t, _derived: { object: 'ticket' } }),
  deletedList: true, deletes: 'feed',
};

export const USERS: ExportResource = {
  object: 'users', style: 'cursor', path: '/api/v2/incremental/users/cursor.json', pageSchema: userExportSchema,
  changedAt: (u) => u.updated_at as string,
  isDeleted: (u) => u.active === false,
  toRecord: (u) => ({ ...u, _derived: splitName(u.name) }),
  deletedList: false, deletes: 'feed',
};

export const ORGANIZATIONS: ExportResource = {
  object: 'organizations', style: 'time', path: '/api/v2/incremental/organizations.json',
  changedAt: (o) => o.updated_at as string,
  isDeleted: () => false,
  toRecord: (o) => ({ ...o }),
  deletedList: false, deletes: 'reconcile',
};

/** Zendesk's largest export page. */
export const EXPORT_PAGE_SIZE = 1000;
/** Deleted tickets: at most 100 a page. */
export const DELETED_PAGE_SIZE = 100;
