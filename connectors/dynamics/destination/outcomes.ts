/**
 * One WriteOutcome per record from a `$batch` answer: Dataverse answers in request order, a
 * create's id in its `OData-EntityId` header (or the body, with `return=representation`), a
 * refusal as the same `{ error: { code, message } }` a single call would get. A delete of a
 * record already gone is what a delete wants; only the read after it decides.
 */
import { ConnectorError, kindForStatus, parseRetryAfter } from '../../../src/core/index.js';
import type { WriteOutcome } from '../../../src/registry/index.js';
import type { DataverseEntity } from '../entities.js';
import { dynamicsErrorParser } from '../errors.js';
import { idFromEntityUri } from '../odata.js';
import type { BatchAnswer } from './batch.js';

export type Action = 'create' | 'update' | 'delete';

export function answerError(answer: BatchAnswer): ConnectorError {
  const details = dynamicsErrorParser({ status: answer.status, headers: answer.headers, body: answer.body });
  const kind = details?.kind ?? kindForStatus(answer.status);
  const fields = details?.fields ?? [];
  const named = fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : '';
  return new ConnectorError(`dynamics refused the record: ${details?.message ?? `HTTP ${answer.status}`}${named}`, {
    kind, status: answer.status, code: details?.code, fields,
    retryAfterMs: kind === 'transient' ? parseRetryAfter(answer.headers['retry-after']) : undefined,
  });
}

export function missing(what: string): WriteOutcome {
  return { ok: false, error: new ConnectorError(`dynamics answered the batch without a result for ${what}`, { kind: 'transient', code: 'missing_result' }) };
}

/** `id` is the record's for updates and deletes; a create's comes from the answer. */
export function outcomeOf(entity: DataverseEntity, action: Action, answer: BatchAnswer | undefined, id?: string): WriteOutcome {
  if (!answer) return missing(id ?? 'a create');
  if (answer.status >= 200 && answer.status < 300) {
    if (action !== 'create') return { ok: true, id: id! };
    const body = answer.body as Record<string, unknown> | undefined;
    const created = typeof body?.[entity.primaryKey] === 'string' ? String(body[entity.primaryKey]).toLowerCase() : idFromEntityUri(answer.headers['odata-entityid']);
    return created ? { ok: true, id: created } : missing('a create (no OData-EntityId)');
  }
  if (action === 'delete' && answer.status === 404) return { ok: true, id: id! };
  return { ok: false, error: answerError(answer) };
}

export function failedAll(count: number, error: ConnectorError): WriteOutcome[] {
  return Array.from({ length: count }, () => ({ ok: false as const, error }));
}
