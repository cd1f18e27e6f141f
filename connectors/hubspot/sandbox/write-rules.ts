/**
 * How HubSpot turns a refused write into an answer: a whole-request error for single writes and
 * all-or-nothing batches, or one entry of a 207's `errors` when the batch is multi-status.
 */
import { batchError, conflictMessage, hubspotError, propertyProblemsMessage, validationError } from './errors.js';
import { record } from './input.js';
import { NOTE_ASSOCIATION_TYPES, type ObjectSpec } from './objects.js';
import type { StoredObject, WriteRefusal } from './store.js';

/** The association types a create may carry (`associations: [{ to: { id }, types: [...] }]`). */
export function associationsOf(input: Record<string, unknown>): StoredObject['associations'] {
  const out: StoredObject['associations'] = {};
  for (const item of Array.isArray(input.associations) ? input.associations.map(record) : []) {
    const id = String(record(item.to).id ?? '');
    const types = Array.isArray(item.types) ? item.types.map(record) : [];
    for (const to of ['contacts', 'companies'] as const) {
      if (id && types.some((t) => Number(t.associationTypeId) === NOTE_ASSOCIATION_TYPES[to].typeId)) (out[to] ??= []).push(id);
    }
  }
  return out;
}

export function shown(spec: ObjectSpec, input: Record<string, unknown>): string[] {
  return [...new Set([...spec.defaults, ...Object.keys(record(input.properties))])];
}

/** A failed write as an HTTP error of its own (single writes, all-or-nothing batches). */
export function refuse(result: WriteRefusal): never {
  if (result.kind === 'invalid') throw validationError(result.problems);
  if (result.kind === 'conflict') throw hubspotError(409, 'CONFLICT', conflictMessage(result.existingId));
  throw hubspotError(404, 'OBJECT_NOT_FOUND', 'resource not found');
}

/** A failed write as one entry of a 207's `errors`. */
export function failedInput(result: WriteRefusal, context: Record<string, string[]>): Record<string, unknown> {
  if (result.kind === 'invalid') return batchError('VALIDATION_ERROR', propertyProblemsMessage(result.problems), context);
  if (result.kind === 'conflict') return batchError('CONFLICT', conflictMessage(result.existingId), { ...context, existingId: [result.existingId] });
  return batchError('OBJECT_NOT_FOUND', 'resource not found', context);
}
