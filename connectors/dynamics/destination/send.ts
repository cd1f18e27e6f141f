/**
 * Sending writes: one operation as a single call, several as one `$batch` with
 * `Prefer: odata.continue-on-error` (a refused record does not stop the others), each answer
 * read into that record's outcome. A refused token or role (401, 403) stops the load: every
 * other record would be refused the same way. Any other failure of a whole call is each
 * record's (verify settles what a lost batch did).
 */
import { isConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext, WriteOutcome } from '../../../src/registry/index.js';
import { z } from 'zod';
import type { DataverseEntity } from '../entities.js';
import { API_ROOT } from '../odata.js';
import { buildBatch, newBoundary, parseBatch, type BatchAnswer, type BatchOperation } from './batch.js';
import { failedAll, outcomeOf, type Action } from './outcomes.js';

/** A batch of 100 writes runs plug-ins and workflows for each: far slower than one read. */
const BATCH_TIMEOUT_MS = 120_000;

const answerOf = (status: number, headers: Record<string, string>, body: unknown): BatchAnswer => ({ status, headers, body });

/** One record, one call: the executor's error (fields named by the definition's parser) is its outcome. */
async function single(ctx: ConnectorContext, entity: DataverseEntity, action: Action, op: BatchOperation, id: string | undefined): Promise<WriteOutcome> {
  const res = await ctx.http.request({ method: op.method, url: op.url, json: op.json, headers: op.headers, schema: z.unknown(), signal: ctx.signal });
  if (res.ok) return outcomeOf(entity, action, answerOf(res.status, res.headers, res.body), id);
  const error = res.error!;
  if (action === 'delete' && error.kind === 'not_found') return { ok: true, id: id! };
  if (error.kind === 'permanent' && (res.status === 401 || res.status === 403)) throw error;
  return { ok: false, error };
}

async function batch(ctx: ConnectorContext, ops: BatchOperation[]): Promise<BatchAnswer[]> {
  const boundary = newBoundary();
  const res = await ctx.http.request({
    method: 'POST', url: `${API_ROOT}/$batch`, body: buildBatch(boundary, ops), timeoutMs: BATCH_TIMEOUT_MS, signal: ctx.signal,
    headers: { 'Content-Type': `multipart/mixed; boundary="${boundary}"`, Prefer: 'odata.continue-on-error' },
  });
  if (!res.ok) throw res.error!;
  return parseBatch(typeof res.body === 'string' ? res.body : '', res.headers['content-type']);
}

/** Sends the operations (one alone, more as a batch) and reads one outcome per operation. */
export async function run(ctx: ConnectorContext, entity: DataverseEntity, action: Action, ops: BatchOperation[], ids: Array<string | undefined>): Promise<WriteOutcome[]> {
  try {
    if (ops.length === 1) return [await single(ctx, entity, action, ops[0]!, ids[0])];
    const answers = await batch(ctx, ops);
    return ops.map((_, i) => outcomeOf(entity, action, answers[i], ids[i]));
  } catch (error) {
    if (isConnectorError(error) && error.kind !== 'permanent') return failedAll(ops.length, error);
    throw error;
  }
}
