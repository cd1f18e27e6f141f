/**
 * Batch mechanics shared by the writes: HubSpot's 100-input slices, and what to do when HubSpot
 * refuses a whole batch because of one record (send the records one by one to learn which).
 */
import type { ConnectorError } from '../../src/core/index.js';
import type { WriteOutcome } from '../../src/registry/index.js';
import { BATCH_LIMIT } from './objects.js';

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_LIMIT) out.push(items.slice(i, i + BATCH_LIMIT));
  return out;
}

/** Validation, conflict and not-found belong to records; anything else stops the load. */
export async function refused<T>(error: ConnectorError, items: T[], one: (item: T) => Promise<WriteOutcome[]>): Promise<WriteOutcome[]> {
  if (error.kind !== 'validation' && error.kind !== 'conflict' && error.kind !== 'not_found') throw error;
  if (items.length === 1) return [{ ok: false, error }];
  const outcomes: WriteOutcome[] = [];
  for (const item of items) outcomes.push(...(await one(item)));
  return outcomes;
}
