import { z } from 'zod';
import { idSchema, timestamp } from './common.js';

export const runStatsSchema = z.object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), errors: z.number().int() });

export const runSchema = z.object({
  id: idSchema,
  connectionId: idSchema,
  streamId: idSchema,
  object: z.string(),
  mode: z.enum(['full', 'incremental']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  records: z.number().int().meta({ description: 'Records read from the vendor.' }),
  pages: z.number().int(),
  stats: runStatsSchema,
  error: z.object({
    kind: z.string(), message: z.string(), status: z.number().int().nullable(), code: z.string().nullable(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
  }).nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
}).meta({ id: 'Run' });

export const triggerBody = z.strictObject({
  mode: z.enum(['full', 'incremental']).optional().meta({ description: '@default incremental (a stream never fully read gets a full read)' }),
});
