/**
 * One WriteOutcome per input, in input order, from a completed job's `results`. Zendesk keeps
 * results in request order and creates carry their `index`; updates and deletes carry the `id`.
 * A result with an `error`, `status: "Failed"` or `success: false` is that record's failure.
 */
import { ConnectorError } from '../../../src/core/index.js';
import type { WriteOutcome } from '../../../src/registry/index.js';
import { jobResultError } from '../errors.js';
import type { JobResult, JobStatus } from '../schemas.js';

function results(job: JobStatus): JobResult[] {
  return Array.isArray(job.results) ? job.results : [];
}

const failedResult = (r: JobResult) => r.error !== undefined || r.status === 'Failed' || r.success === false;

function missing(job: JobStatus, what: string): WriteOutcome {
  return { ok: false, error: new ConnectorError(`zendesk job ${job.id} completed without a result for ${what}`, { kind: 'transient', code: 'missing_result' }) };
}

export function createOutcomes(job: JobStatus, count: number): WriteOutcome[] {
  const all = results(job);
  return Array.from({ length: count }, (_, index): WriteOutcome => {
    const result = all.find((r) => r.index === index) ?? (all.every((r) => r.index === undefined) ? all[index] : undefined);
    if (!result) return missing(job, `input ${index}`);
    if (failedResult(result)) return { ok: false, error: jobResultError(result) };
    return result.id === undefined ? missing(job, `input ${index}`) : { ok: true, id: String(result.id) };
  });
}

/** Updates and deletes, matched by id. A delete of a record already gone is what a delete wants. */
export function byIdOutcomes(job: JobStatus, ids: string[], action: 'update' | 'delete'): WriteOutcome[] {
  const all = results(job);
  return ids.map((id, index): WriteOutcome => {
    const result = all.find((r) => String(r.id) === id) ?? all[index];
    if (!result) return missing(job, `id ${id}`);
    if (!failedResult(result)) return { ok: true, id };
    const error = jobResultError(result);
    return action === 'delete' && error.kind === 'not_found' ? { ok: true, id } : { ok: false, error };
  });
}

/** The same failure for every record of a bulk call refused or lost as a whole. */
export function failedAll(count: number, error: ConnectorError): WriteOutcome[] {
  return Array.from({ length: count }, () => ({ ok: false as const, error }));
}
