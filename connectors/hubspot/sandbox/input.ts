/**
 * Reading HubSpot request bodies: the object type from the path, batch `inputs` (at most 100,
 * refused with HubSpot's own message), the batch answer envelope.
 */
import type { SandboxRequest, SandboxServer } from '../../../src/sandbox/index.js';
import { badRequest } from './errors.js';
import { specFor, type ObjectSpec } from './objects.js';
import { iso } from './render.js';
import type { HubspotStore } from './store.js';
import type { Principal } from './tokens.js';

export interface RouteContext {
  server: SandboxServer<Principal>;
  store: HubspotStore;
}

export const BATCH_LIMIT = 100;

export function objectSpec(req: SandboxRequest): ObjectSpec {
  const spec = specFor(req.params.objectType ?? '');
  if (!spec) throw badRequest(`Unable to infer object type from: ${req.params.objectType ?? ''}`);
  return spec;
}

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function batchInputs(req: SandboxRequest): Array<Record<string, unknown>> {
  const inputs = record(req.body).inputs;
  if (!Array.isArray(inputs)) throw badRequest('Invalid input JSON on line 1: "inputs" is required and must be an array');
  if (inputs.length > BATCH_LIMIT) {
    throw badRequest(`The maximum number of inputs supported in a batch is ${BATCH_LIMIT}. Please reduce the number of items and try again`);
  }
  return inputs.map(record);
}

export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
}

/** `BatchResponseSimplePublicObject`, with `errors`/`numErrors` when some inputs failed (207). */
export function batchAnswer(now: number, results: unknown[], errors: unknown[], okStatus: number) {
  const body: Record<string, unknown> = { status: 'COMPLETE', results, startedAt: iso(now), completedAt: iso(now) };
  if (errors.length > 0) Object.assign(body, { numErrors: errors.length, errors });
  return { status: errors.length > 0 ? 207 : okStatus, body };
}
