/**
 * One WriteOutcome per input, in input order, from a batch answer. Errors carry the input's
 * `objectWriteTraceId` (create) or its id in `context.ids` (update). Created records are matched
 * back by the trace id when HubSpot echoes it, else by their written properties: the documented
 * 207 answer does not echo it, and HubSpot does not promise results in input order.
 */
import { ConnectorError } from '../../src/core/index.js';
import type { WriteOutcome } from '../../src/registry/index.js';
import { recordError } from './errors.js';
import { flatten, normalise } from './properties.js';
import type { BatchResponse, HubspotRecord } from './schemas.js';

function noAnswer(what: string): WriteOutcome {
  return { ok: false, error: new ConnectorError(`hubspot answered the batch without a result for this record (${what})`, { kind: 'permanent', code: 'missing_result' }) };
}

function contextValues(error: { context?: Record<string, unknown> }, key: string): string[] {
  const value = error.context?.[key];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

function sameProperties(written: Record<string, string>, record: HubspotRecord): boolean {
  return Object.entries(written).every(([name, value]) => normalise(name, value) === normalise(name, record.properties[name]));
}

export function createOutcomes(inputs: Array<Record<string, string>>, traceIds: string[], body: BatchResponse): WriteOutcome[] {
  const outcomes: Array<WriteOutcome | undefined> = inputs.map(() => undefined);
  for (const error of body.errors ?? []) {
    for (const trace of contextValues(error, 'objectWriteTraceId')) {
      const index = traceIds.indexOf(trace);
      if (index >= 0) outcomes[index] = { ok: false, error: recordError(error) };
    }
  }
  const open = () => inputs.map((_, i) => i).filter((i) => outcomes[i] === undefined);
  const unmatched: HubspotRecord[] = [];
  for (const result of body.results) {
    const byTrace = result.objectWriteTraceId === undefined ? -1 : traceIds.indexOf(result.objectWriteTraceId);
    const index = byTrace >= 0 && outcomes[byTrace] === undefined ? byTrace : open().find((i) => sameProperties(inputs[i]!, result));
    if (index === undefined || index < 0) unmatched.push(result);
    else outcomes[index] = { ok: true, id: result.id, record: flatten(result) };
  }
  // Whatever HubSpot changed beyond recognition pairs up in order: same count, nothing lost.
  for (const [i, index] of open().entries()) {
    const result = unmatched[i];
    outcomes[index] = result ? { ok: true, id: result.id, record: flatten(result) } : noAnswer(`input ${index}`);
  }
  return outcomes as WriteOutcome[];
}

export function updateOutcomes(ids: string[], body: BatchResponse): WriteOutcome[] {
  const failed = new Map<string, ConnectorError>();
  for (const error of body.errors ?? []) for (const id of contextValues(error, 'ids')) failed.set(id, recordError(error));
  const byId = new Map(body.results.map((r) => [r.id, r]));
  return ids.map((id) => {
    const error = failed.get(id);
    if (error) return { ok: false, error };
    const result = byId.get(id);
    return result ? { ok: true, id, record: flatten(result) } : noAnswer(`id ${id}`);
  });
}

/** The same failure for every record of a batch HubSpot refused as a whole. */
export function failedAll(count: number, error: ConnectorError): WriteOutcome[] {
  return Array.from({ length: count }, () => ({ ok: false as const, error }));
}
