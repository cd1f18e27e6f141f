/**
 * zod schemas for every Salesforce answer the connector reads: SOQL query results, records,
 * sObject Collections results, upsert results, the 300 of an ambiguous upsert, `/limits`, and
 * error bodies. Loose objects: Salesforce adds fields release by release, and a field we do not
 * read must not break a sync.
 */
import { z } from 'zod';

export const recordSchema = z.looseObject({
  attributes: z.looseObject({ type: z.string(), url: z.string().optional() }),
  Id: z.string(),
  SystemModstamp: z.string().optional(),
  IsDeleted: z.boolean().optional(),
});

export const queryResultSchema = z.looseObject({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(recordSchema),
});

/** Top-level errors say `errorCode`; a Collections record's errors say `statusCode`. */
export const errorItemSchema = z.looseObject({
  message: z.string().optional(),
  errorCode: z.string().optional(),
  statusCode: z.string().optional(),
  fields: z.array(z.string()).optional(),
});

/** Usually an array; the upsert guide documents a bare object for NOT_FOUND. */
export const errorBodySchema = z.union([z.array(errorItemSchema).min(1), errorItemSchema.refine((e) => e.errorCode !== undefined)]);

export const saveResultSchema = z.looseObject({
  id: z.string().nullish(),
  success: z.boolean(),
  errors: z.array(errorItemSchema).default([]),
  /** Upserts only, API 46.0 and later. */
  created: z.boolean().optional(),
});

export const saveResultsSchema = z.array(saveResultSchema);

/** sObject Collections reads: a record, or null for an id that is unknown, deleted or unreadable. */
export const retrieveResultsSchema = z.array(recordSchema.nullable());

/** The 300 of an upsert whose external id matches several records: their URLs (or records). */
export const multipleChoicesSchema = z.array(z.union([z.string(), z.looseObject({ attributes: z.looseObject({ url: z.string() }).optional(), Id: z.string().optional() })]));

export const limitsSchema = z.looseObject({ DailyApiRequests: z.looseObject({ Max: z.number(), Remaining: z.number() }) });

export type SalesforceRecord = z.output<typeof recordSchema>;
export type ErrorItem = z.output<typeof errorItemSchema>;
export type SaveResult = z.output<typeof saveResultSchema>;
