/**
 * zod schemas for every NetSuite answer the connector reads: SuiteQL pages and their rows, the
 * deletion log's rows, records from the record service, and error bodies. Loose objects: NetSuite
 * adds fields (custom fields above all), and one the connector does not read must not break a sync.
 */
import { z } from 'zod';
import { WALL_TIME } from './suiteql.js';

/** SuiteQL answers values as text; an id that arrived as a number is taken as its text. */
const idText = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d+$/, 'an internal id'));
const wall = z.string().regex(WALL_TIME, 'a YYYY-MM-DDTHH:MM:SS time');

const link = z.looseObject({ rel: z.string(), href: z.string() });

/** `{ links, count, hasMore, items, offset, totalResults }` (Collection Paging). */
export const suiteqlPageSchema = z.looseObject({
  links: z.array(link).optional(),
  count: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  // Rows are checked one by one where they are read (liveRowSchema, deletedRowSchema).
  items: z.array(z.looseObject({})),
  offset: z.number().int().nonnegative(),
  totalResults: z.number().int().nonnegative(),
});

/** A row of an object's table: its id and modification time at least (empty columns are absent). */
export const liveRowSchema = z.looseObject({ id: idText, lastmodifieddate: wall });

/** A row of `DeletedRecord`. */
export const deletedRowSchema = z.looseObject({ recordid: idText, deleteddate: wall, name: z.string().optional(), externalid: z.string().optional() });

/** A record from `GET /services/rest/record/v1/{type}/{id}`. */
export const recordSchema = z.looseObject({ id: idText, links: z.array(link).optional() });

export type SuiteqlPage = z.output<typeof suiteqlPageSchema>;
export type NsRecord = z.output<typeof recordSchema>;

const errorDetail = z.looseObject({
  detail: z.string().optional(),
  'o:errorCode': z.string().optional(),
  'o:errorPath': z.string().optional(),
  'o:errorQueryParam': z.string().optional(),
  'o:errorHeader': z.string().optional(),
  'o:urlPath': z.string().optional(),
});

/** `{ type, title, status, "o:errorDetails": [...] }` (Error Handling in REST Web Services). */
export const errorBodySchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  'o:errorDetails': z.array(errorDetail).default([]),
});

export type ErrorDetail = z.output<typeof errorDetail>;
