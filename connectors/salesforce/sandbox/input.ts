/**
 * Small shared pieces of the data routes: which sObject a path names, which fields a read
 * asks for, and how a record's problems read in each answer format.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { errorItems, notFound, sfError, type RecordProblem } from './errors.js';
import { fieldOf, sobjectTypeOf, type FieldSpec, type SObjectType } from './schema.js';

export function typeParam(req: SandboxRequest): SObjectType {
  return sobjectTypeOf(req.params.type ?? '') ?? (() => { throw notFound(); })();
}

/** `fields=a,b` resolved against the object (INVALID_FIELD for an unknown one); Id always comes. */
export function fieldsParam(type: SObjectType, raw: string | undefined, all: FieldSpec[]): FieldSpec[] {
  if (raw === undefined) return all;
  const names = raw.split(',').map((n) => n.trim()).filter(Boolean);
  const specs = names.map((name) => fieldOf(type, name) ?? (() => { throw sfError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`); })());
  const id = fieldOf(type, 'Id')!;
  return specs.some((s) => s.name === 'Id') ? specs : [id, ...specs];
}

/** A single-record write's refusal: the top-level format (`errorCode`), with the fields. */
export function problemsBody(problems: RecordProblem[]) {
  return problems.flatMap((p) => errorItems(p.statusCode, p.message, p.fields));
}

export function version(req: SandboxRequest): string {
  return req.params.version ?? 'v62.0';
}
