import { z } from 'zod';
import { idSchema, timestamp } from './common.js';

export const changeEventSchema = z.object({
  seq: z.number().int(),
  connectionId: idSchema,
  object: z.string(),
  externalId: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  canonicalType: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
  runId: idSchema.nullable(),
  createdAt: timestamp,
}).meta({ id: 'ChangeEvent' });

export const changePageSchema = z.object({
  items: z.array(changeEventSchema),
  nextAfter: z.number().int().meta({ description: 'Pass as `after` for the next page (the last sequence seen).' }),
});

export const RECORD_TYPES = { persons: 'person', accounts: 'account', activities: 'activity' } as const;

export const canonicalRecordSchema = z.object({
  connectionId: idSchema,
  object: z.string(),
  externalId: z.string(),
  data: z.record(z.string(), z.unknown()),
  deletedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
}).meta({ id: 'CanonicalRecord' });

export const deadLetterSchema = z.object({
  id: idSchema,
  connectionId: idSchema,
  runId: idSchema.nullable(),
  object: z.string(),
  externalId: z.string().nullable(),
  reason: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })),
  payload: z.unknown().optional().meta({ description: 'The rejected vendor record, scrubbed (single dead letter only).' }),
  replayedAt: timestamp.nullable(),
  createdAt: timestamp,
}).meta({ id: 'DeadLetter' });

export const replaySchema = z.object({
  deadLetter: deadLetterSchema,
  outcome: z.enum(['created', 'updated', 'unchanged']),
  record: z.record(z.string(), z.unknown()),
}).meta({ id: 'Replay' });
