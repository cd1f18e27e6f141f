/**
 * The load journal in PostgreSQL: the plan and the snapshot are stored BEFORE anything is
 * written, every write is marked `writing` before the call and its outcome after, so a load
 * killed at any point can be rolled back from here.
 */
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import type { LoadReport, PlanItem, RollbackStatus, VerifyStatus, WriteStatus } from './types.js';

export interface JournalItem extends PlanItem {
  writeStatus: WriteStatus;
  verifyStatus: VerifyStatus;
  rollbackStatus: RollbackStatus;
  rollbackDetail: string | null;
  error: { kind: string; message: string; fields: Array<{ field: string; message: string }> } | null;
}

export interface LoadRow {
  id: string;
  workspaceId: string;
  connectionId: string;
  object: string;
  status: string;
  dryRun: boolean;
  options: Record<string, unknown>;
  report: LoadReport;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function insertLoad(pool: pg.Pool, load: { workspaceId: string; connectionId: string; object: string; dryRun: boolean; options: unknown; report: LoadReport }, items: PlanItem[]): Promise<string> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into loads (workspace_id, connection_id, object, status, dry_run, options, report) values ($1, $2, $3, 'planned', $4, $5, $6) returning id`,
      [load.workspaceId, load.connectionId, load.object, load.dryRun, JSON.stringify(load.options), JSON.stringify(load.report)]);
    const loadId = rows[0]!.id;
    await client.query(
      `insert into load_items (load_id, seq, workspace_id, op, action, target_id, natural_key, input, snapshot, diff, write_status, error)
       select $1, t.seq, $2, t.op, t.action, t.target_id, t.natural_key, t.input, t.snapshot, t.diff,
         case when t.action in ('noop', 'conflict') then 'skipped' else 'pending' end, t.error
       from unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[], $10::jsonb[], $11::jsonb[])
         as t(seq, op, action, target_id, natural_key, input, snapshot, diff, error)`,
      [loadId, load.workspaceId, items.map((i) => i.seq), items.map((i) => i.op), items.map((i) => i.action), items.map((i) => i.targetId),
        items.map((i) => i.naturalKey), items.map((i) => JSON.stringify(i.input)), items.map((i) => (i.snapshot ? JSON.stringify(i.snapshot) : null)),
        items.map((i) => JSON.stringify(i.diff)), items.map((i) => (i.action === 'conflict' ? JSON.stringify({ kind: 'conflict', message: i.reason ?? 'conflict', fields: [] }) : null))]);
    return loadId;
  });
}

export async function loadLoad(pool: pg.Pool, loadId: string, workspaceId?: string): Promise<LoadRow | null> {
  const { rows } = await pool.query<LoadRow>(
    `select id, workspace_id as "workspaceId", connection_id as "connectionId", object, status, dry_run as "dryRun", options, report,
       created_at as "createdAt", finished_at as "finishedAt"
     from loads where id = $1 and ($2::uuid is null or workspace_id = $2)`, [loadId, workspaceId ?? null]);
  return rows[0] ?? null;
}

export async function loadItems(pool: pg.Pool, loadId: string): Promise<JournalItem[]> {
  const { rows } = await pool.query(
    `select seq, op, action, target_id, natural_key, input, snapshot, diff, write_status, verify_status, rollback_status, rollback_detail, error
     from load_items where load_id = $1 order by seq`, [loadId]);
  return rows.map((r) => ({
    seq: r.seq, op: r.op, action: r.action, targetId: r.target_id, naturalKey: r.natural_key, input: r.input, snapshot: r.snapshot,
    diff: r.diff ?? [], writeStatus: r.write_status, verifyStatus: r.verify_status, rollbackStatus: r.rollback_status, rollbackDetail: r.rollback_detail, error: r.error,
  }));
}

export interface ItemUpdate {
  seq: number;
  writeStatus?: WriteStatus;
  verifyStatus?: VerifyStatus;
  rollbackStatus?: RollbackStatus;
  rollbackDetail?: string;
  targetId?: string | null;
  error?: JournalItem['error'];
}

/** Applies many item updates in one statement (one round trip per batch). */
export async function updateItems(pool: pg.Pool, loadId: string, updates: ItemUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await pool.query(
    `update load_items li set
       write_status = coalesce(u.write_status, li.write_status),
       verify_status = coalesce(u.verify_status, li.verify_status),
       rollback_status = coalesce(u.rollback_status, li.rollback_status),
       rollback_detail = coalesce(u.rollback_detail, li.rollback_detail),
       target_id = case when u.set_target then u.target_id else li.target_id end,
       error = case when u.set_error then u.error else li.error end,
       updated_at = now()
     from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::boolean[], $9::jsonb[], $10::text[])
       as u(seq, write_status, verify_status, rollback_status, set_target, target_id, set_error, error, rollback_detail)
     where li.load_id = $1 and li.seq = u.seq`,
    [loadId, updates.map((u) => u.seq), updates.map((u) => u.writeStatus ?? null), updates.map((u) => u.verifyStatus ?? null),
      updates.map((u) => u.rollbackStatus ?? null), updates.map((u) => u.targetId !== undefined), updates.map((u) => u.targetId ?? null),
      updates.map((u) => u.error !== undefined), updates.map((u) => (u.error ? JSON.stringify(u.error) : null)), updates.map((u) => u.rollbackDetail ?? null)]);
}

export async function setLoadState(pool: pg.Pool, loadId: string, status: string, report: LoadReport, finished = false): Promise<void> {
  await pool.query(`update loads set status = $2, report = $3, finished_at = case when $4 then now() else finished_at end where id = $1`,
    [loadId, status, JSON.stringify(report), finished]);
}
