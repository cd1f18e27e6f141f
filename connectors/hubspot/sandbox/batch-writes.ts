/**
 * Batch writes. Create is all-or-nothing unless every input carries an `objectWriteTraceId`,
 * which turns on HubSpot's multi-status answer: 207 with the created records and one error per
 * refused input, its trace id in `context.objectWriteTraceId` (error-handling guide). Update
 * refuses the whole batch on an invalid value and answers 207 for ids it cannot find.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { hubspotError, notFoundInBatch } from './errors.js';
import { batchAnswer, batchInputs, objectSpec, record, type RouteContext } from './input.js';
import { render } from './render.js';
import { associationsOf, failedInput, refuse, shown } from './write-rules.js';

export function batchCreate(ctx: RouteContext, req: SandboxRequest) {
  const spec = objectSpec(req);
  const inputs = batchInputs(req);
  const traced = inputs.length > 0 && inputs.every((i) => typeof i.objectWriteTraceId === 'string');
  const results: unknown[] = [];
  const errors: unknown[] = [];
  if (!traced) {
    // All or nothing: check every input (against each other too) before storing any.
    const emails = new Map<string, number>();
    inputs.forEach((input, index) => {
      const refusal = ctx.store.check(spec.type, record(input.properties));
      if (refusal) refuse(refusal);
      const email = String(record(input.properties).email ?? '').trim().toLowerCase();
      if (spec.type === 'contacts' && email && emails.has(email)) throw hubspotError(409, 'CONFLICT', `Duplicate email in batch input at ${emails.get(email)} and ${index}`);
      if (email) emails.set(email, index);
    });
  }
  for (const input of inputs) {
    const result = ctx.store.create(spec.type, record(input.properties), { associations: associationsOf(input) });
    if (result.ok) results.push(render(spec.type, result.entry, { properties: shown(spec, input) }));
    else errors.push(failedInput(result, { objectWriteTraceId: [String(input.objectWriteTraceId)] }));
  }
  return batchAnswer(ctx.store.clock.now(), results, errors, 201);
}

export function batchUpdate(ctx: RouteContext, req: SandboxRequest) {
  const spec = objectSpec(req);
  const inputs = batchInputs(req);
  const missing = inputs.map((i) => String(i.id ?? '')).filter((id) => !ctx.store.live(spec.type, id));
  for (const input of inputs) {
    const refusal = ctx.store.check(spec.type, record(input.properties), String(input.id ?? ''));
    if (refusal && refusal.kind !== 'missing') refuse(refusal);
  }
  const results = inputs.flatMap((input) => {
    const result = ctx.store.update(spec.type, String(input.id ?? ''), record(input.properties));
    return result.ok ? [render(spec.type, result.entry, { properties: shown(spec, input) })] : [];
  });
  const errors = missing.length > 0 ? [notFoundInBatch(spec.upper, missing)] : [];
  return batchAnswer(ctx.store.clock.now(), results, errors, 200);
}
