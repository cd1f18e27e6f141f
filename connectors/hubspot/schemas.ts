/**
 * zod schemas for every HubSpot answer the connector reads (CRM v3 objects, search, batch
 * answers with their 207 errors, v4 association reads, error bodies). Loose objects: HubSpot
 * adds fields over time, and a field we do not read must not break a sync.
 */
import { z } from 'zod';

// Property values are strings (or null when asked for and empty); stray scalars are stringified.
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => (v === null ? null : String(v)));

const associatedIds = z.looseObject({ results: z.array(z.looseObject({ id: z.string(), type: z.string() })) });

export const hubspotObjectSchema = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), propertyValue),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
  associations: z.record(z.string(), associatedIds).optional(),
  objectWriteTraceId: z.string().optional(),
});

const pagingSchema = z.looseObject({ next: z.looseObject({ after: z.string(), link: z.string().optional() }).optional() }).optional();

export const listResponseSchema = z.looseObject({ results: z.array(hubspotObjectSchema), paging: pagingSchema });

export const searchResponseSchema = z.looseObject({ total: z.number(), results: z.array(hubspotObjectSchema), paging: pagingSchema });

const contextSchema = z.record(z.string(), z.union([z.array(z.unknown()), z.string()]));

export const errorDetailSchema = z.looseObject({
  message: z.string().optional(),
  code: z.string().optional(),
  in: z.string().optional(),
  context: contextSchema.optional(),
});

/** A top-level error body and a 207's per-record errors (`StandardError`) share these fields. */
export const errorBodySchema = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  policyName: z.string().optional(),
  correlationId: z.string().optional(),
  context: contextSchema.optional(),
  errors: z.array(errorDetailSchema).optional(),
  // OAuth token errors (RFC 6749 §5.2), which HubSpot now sends beside status/message.
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const batchResponseSchema = z.looseObject({
  status: z.string(),
  results: z.array(hubspotObjectSchema),
  errors: z.array(errorBodySchema).optional(),
  numErrors: z.number().optional(),
});

export const associationsResponseSchema = z.looseObject({
  results: z.array(z.looseObject({
    from: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }),
    to: z.array(z.looseObject({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
  })),
  errors: z.array(errorBodySchema).optional(),
});

/** "Property values were not valid: [...]": the JSON list inside HubSpot's message. */
export const listedPropertiesSchema = z.array(z.looseObject({ name: z.string(), message: z.string().optional(), error: z.string().optional() }));

export type HubspotRecord = z.output<typeof hubspotObjectSchema>;
export type BatchResponse = z.output<typeof batchResponseSchema>;
export type HubspotErrorBody = z.output<typeof errorBodySchema>;
