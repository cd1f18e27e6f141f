import { z } from 'zod';
import { loadOptionsSchema, loadRecordSchema, type JournalItem, type LoadReport, type PlanItem } from '../../load/index.js';
import { fieldErrorSchema, idSchema, timestamp } from './common.js';

const count = z.number().int();

/** The API's copy of the load engine's LoadReport; `_ReportFits` below fails to compile if they drift. */
export const loadReportSchema = z.object({
  status: z.enum(['planned', 'running', 'verifying', 'succeeded', 'partially_failed', 'rolled_back', 'rollback_incomplete', 'failed']),
  counts: z.object({ total: count, create: count, update: count, delete: count, noop: count, conflict: count }),
  written: count,
  failed: count,
  verified: count,
  verifyFailed: count,
  rollback: z.object({
    trigger: z.enum(['verification', 'on_demand', 'crash']),
    restored: count, recreated: count, unrecoverable: count, failed: count,
    items: z.array(z.object({ seq: count, status: z.string(), detail: z.string() })),
  }).optional(),
  errors: z.array(z.object({ seq: count, kind: z.string(), message: z.string(), fields: z.array(fieldErrorSchema) })),
}).meta({ id: 'LoadReport' });

const fieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const planItemSchema = z.object({
  seq: count,
  op: z.enum(['create', 'update', 'upsert', 'delete']),
  action: z.enum(['create', 'update', 'delete', 'noop', 'conflict']),
  targetId: z.string().nullable(),
  naturalKey: z.string().nullable(),
  input: z.record(z.string(), z.unknown()),
  snapshot: z.record(z.string(), z.unknown()).nullable(),
  diff: z.array(fieldChange),
  reason: z.string().optional(),
}).meta({ id: 'PlanItem' });

export const loadItemSchema = planItemSchema.extend({
  writeStatus: z.string(),
  verifyStatus: z.string(),
  rollbackStatus: z.string(),
  rollbackDetail: z.string().nullable(),
  error: z.object({ kind: z.string(), message: z.string(), fields: z.array(fieldErrorSchema) }).nullable(),
}).meta({ id: 'LoadItem' });

type Assert<T extends true> = T;
export type _ReportFits = Assert<LoadReport extends z.input<typeof loadReportSchema> ? true : false>;
export type _PlanItemFits = Assert<PlanItem extends z.input<typeof planItemSchema> ? true : false>;
export type _JournalItemFits = Assert<JournalItem extends z.input<typeof loadItemSchema> ? true : false>;

export const loadSchema = z.object({
  id: idSchema,
  connectionId: idSchema,
  object: z.string(),
  status: z.string(),
  dryRun: z.boolean(),
  options: z.record(z.string(), z.unknown()),
  report: loadReportSchema,
  progress: z.object({
    toWrite: count.meta({ description: 'Records the plan will create, update or delete.' }),
    written: count, failed: count, verified: count,
  }),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
}).meta({ id: 'Load' });

const fileSource = z.strictObject({
  format: z.enum(['json', 'csv']),
  content: z.string().max(15 * 1024 * 1024),
  /** @default 'upsert' */
  op: z.enum(['create', 'update', 'upsert', 'delete']).default('upsert').meta({ description: 'For records that name no op. @default upsert' }),
});

const canonicalSource = z.strictObject({
  connectionId: idSchema.meta({ description: 'The source connection whose canonical records are loaded (same workspace).' }),
  object: z.string().min(1).meta({ description: 'The source object (its canonical type picks the table).' }),
  op: z.enum(['create', 'update', 'upsert', 'delete']).default('upsert'),
  filter: z.strictObject({ field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), equals: z.string() }).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

export const createLoadBody = z.strictObject({
  connectionId: idSchema.meta({ description: 'The destination connection.' }),
  object: z.string().min(1),
  records: z.array(loadRecordSchema).max(100_000).optional(),
  file: fileSource.optional(),
  canonical: canonicalSource.optional(),
  options: loadOptionsSchema.partial().default({}),
}).refine((b) => [b.records, b.file, b.canonical].filter((s) => s !== undefined).length === 1, {
  message: 'send exactly one of records, file or canonical', path: ['records'],
});

export const plannedLoadSchema = z.object({ load: loadSchema, items: z.array(planItemSchema) }).meta({ id: 'PlannedLoad' });
export const loadDetailSchema = z.object({ load: loadSchema, items: z.array(loadItemSchema), nextItemsAfter: count.nullable() }).meta({ id: 'LoadDetail' });
