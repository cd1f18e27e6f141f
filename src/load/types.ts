/**
 * The load contract: what a caller asks for, what the plan shows, what the report says.
 */
import { z } from 'zod';

export const LOAD_OPERATIONS = ['create', 'update', 'upsert', 'delete'] as const;
export type LoadOperation = (typeof LOAD_OPERATIONS)[number];

/** One record to load, in the vendor's field names (after the canonical → vendor mapping). */
export const loadRecordSchema = z.object({
  op: z.enum(LOAD_OPERATIONS),
  /** The vendor id, for update and delete when known. */
  id: z.string().min(1).optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
}).superRefine((r, ctx) => {
  if ((r.op === 'update' || r.op === 'delete') && !r.id && Object.keys(r.fields).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: `${r.op} needs the vendor id or the natural key field` });
  }
});
export type LoadRecord = z.output<typeof loadRecordSchema>;

export const loadOptionsSchema = z.object({
  /** Stop after the plan and return the diff. @default false */
  dryRun: z.boolean().default(false),
  /** @default the connector's batch size */
  batchSize: z.number().int().positive().optional(),
  /**
   * Roll back automatically when the share of records failing verification exceeds this.
   * 0 means any verification failure rolls the whole load back. @default 0
   */
  rollbackThreshold: z.number().min(0).max(1).default(0),
});
export type LoadOptions = z.output<typeof loadOptionsSchema>;

export type PlannedAction = 'create' | 'update' | 'delete' | 'noop' | 'conflict';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlanItem {
  seq: number;
  op: LoadOperation;
  action: PlannedAction;
  targetId: string | null;
  naturalKey: string | null;
  input: Record<string, unknown>;
  /** The vendor record before anything is written; null when it does not exist. */
  snapshot: Record<string, unknown> | null;
  diff: FieldChange[];
  reason?: string;
}

export type WriteStatus = 'pending' | 'writing' | 'written' | 'failed' | 'skipped';
export type VerifyStatus = 'pending' | 'verified' | 'mismatch' | 'still_present' | 'missing' | 'skipped';
export type RollbackStatus = 'none' | 'restored' | 'recreated' | 'unrecoverable' | 'not_needed' | 'failed';

export interface LoadReport {
  status: 'planned' | 'running' | 'verifying' | 'succeeded' | 'partially_failed' | 'rolled_back' | 'rollback_incomplete' | 'failed';
  counts: { total: number; create: number; update: number; delete: number; noop: number; conflict: number };
  written: number;
  failed: number;
  verified: number;
  verifyFailed: number;
  rollback?: { trigger: 'verification' | 'on_demand' | 'crash'; restored: number; recreated: number; unrecoverable: number; failed: number; items: Array<{ seq: number; status: RollbackStatus; detail: string }> };
  errors: Array<{ seq: number; kind: string; message: string; fields: Array<{ field: string; message: string }> }>;
}
