/**
 * zod schemas for every Zendesk answer the connector reads: users, organizations, tickets, the
 * incremental exports, deleted tickets, job statuses and error bodies. Loose objects: Zendesk
 * adds attributes over time, and one the connector does not read must not break a sync.
 */
import { z } from 'zod';

const id = z.number().int();
const nullableText = z.string().nullable().optional();

export const userSchema = z.looseObject({
  id, name: z.string(), email: nullableText, active: z.boolean(), created_at: z.string(), updated_at: z.string(),
  organization_id: id.nullable().optional(), phone: nullableText, role: z.string().optional(), external_id: nullableText,
});

export const organizationSchema = z.looseObject({
  id, name: z.string(), created_at: z.string(), updated_at: z.string(),
  domain_names: z.array(z.string()).optional(), external_id: nullableText,
});

export const ticketSchema = z.looseObject({
  id, status: z.string(), created_at: z.string(), updated_at: z.string(),
  /** What the ticket export orders and filters by (epoch seconds); also moves on system updates. */
  generated_timestamp: z.number().optional(),
  requester_id: id.nullable().optional(), organization_id: id.nullable().optional(), subject: nullableText,
});

export type ZendeskUser = z.output<typeof userSchema>;
export type ZendeskOrganization = z.output<typeof organizationSchema>;
export type ZendeskTicket = z.output<typeof ticketSchema>;

const cursorPage = { after_cursor: z.string().nullable(), end_of_stream: z.boolean() };

/**
 * Cursor-based export pages, each read into one shape: the records, Zendesk's `after_cursor` (to
 * continue this read) and `end_of_stream` (nothing newer to export right now).
 */
export const ticketExportSchema = z.looseObject({ ...cursorPage, tickets: z.array(ticketSchema) })
  .transform((b) => ({ items: b.tickets as Array<Record<string, unknown>>, after: b.after_cursor, end: b.end_of_stream }));
export const userExportSchema = z.looseObject({ ...cursorPage, users: z.array(userSchema) })
  .transform((b) => ({ items: b.users as Array<Record<string, unknown>>, after: b.after_cursor, end: b.end_of_stream }));

export type CursorExportPage = z.output<typeof userExportSchema>;

/** A time-based export page (organizations). */
export const timeExportSchema = z.looseObject({
  organizations: z.array(organizationSchema), end_time: z.number().int(), next_page: z.string().nullable().optional(),
  count: z.number().int(), end_of_stream: z.boolean(),
});

export const deletedTicketsSchema = z.looseObject({
  deleted_tickets: z.array(z.looseObject({ id, deleted_at: z.string(), subject: nullableText, previous_state: nullableText })),
  meta: z.looseObject({ has_more: z.boolean(), after_cursor: z.string().nullable() }),
});

/** One entry of a job's `results`: created (`id`, `index`), updated/deleted (`action`, `success`) or failed. */
export const jobResultSchema = z.looseObject({
  id: z.union([id, z.string()]).optional(), index: z.number().int().optional(), status: z.string().optional(),
  action: z.string().optional(), success: z.boolean().optional(), error: z.string().optional(),
  details: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});

export const jobStatusSchema = z.looseObject({
  job_status: z.looseObject({
    id: z.string(), status: z.string(), message: z.string().nullable().optional(), total: z.number().nullable().optional(),
    // Permanent ticket deletion answers `{ success: true }` instead of a list.
    results: z.union([z.array(jobResultSchema), z.looseObject({}), z.null()]).optional(),
  }),
});

export type JobResult = z.output<typeof jobResultSchema>;
export type JobStatus = z.output<typeof jobStatusSchema>['job_status'];

const detailEntry = z.looseObject({ description: z.string().optional(), error: z.string().optional() });

/** `{ error, description, details }`; `error` is sometimes `{ title, message }`; `details` a map or a string. */
export const errorBodySchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({ title: z.string().optional(), message: z.string().optional() })]).optional(),
  description: z.string().optional(),
  details: z.union([z.record(z.string(), z.union([z.array(detailEntry), detailEntry, z.string()])), z.string()]).optional(),
});

export type ZendeskErrorBody = z.output<typeof errorBodySchema>;
