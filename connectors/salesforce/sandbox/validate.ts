/**
 * What Salesforce refuses in a write, split the way it refuses it: a body it cannot read into an
 * sObject (an unknown field, a value of the wrong JSON type) fails the whole request; a readable
 * record that breaks a rule (required field, email format, length, read-only field, dangling
 * lookup) fails that record alone, with the fields named.
 */
import { jsonParserError, unknownField, type RecordProblem } from './errors.js';
import { to18 } from './ids.js';
import { fieldOf, SCHEMAS, type FieldSpec, type SObjectType } from './schema.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMERIC = new Set(['int', 'double', 'currency']);

function coerce(spec: FieldSpec, value: unknown): unknown {
  if (value === null) return null;
  const refuse = () => jsonParserError(`Cannot deserialize instance of ${spec.type === 'int' ? 'int' : spec.type} from VALUE_STRING value ${String(value)} or request may be missing a required field at [line:1, column:1]`);
  if (NUMERIC.has(spec.type)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n) || (spec.type === 'int' && !Number.isInteger(n))) throw refuse();
    return n;
  }
  if (spec.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw refuse();
  }
  if (spec.type === 'date') {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw refuse();
    return value;
  }
  if (spec.type === 'datetime') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw refuse();
    return Date.parse(value);
  }
  if (typeof value === 'object') throw refuse();
  // Lookups are stored in their 18-character form whatever form the client sent.
  return spec.type === 'reference' ? to18(String(value)) ?? String(value) : String(value);
}

/** The body as field values under their Salesforce names; `attributes` and the id are the caller's. */
export function readInput(type: SObjectType, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw jsonParserError('Cannot deserialize instance of sObject from the request body');
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === 'attributes' || name.toLowerCase() === 'id') continue;
    const spec = fieldOf(type, name);
    if (!spec) throw unknownField(name, type);
    values[spec.name] = coerce(spec, value);
  }
  return values;
}

/** How a reference resolves: a live record, one in the Recycle Bin, or nothing. */
export type Resolver = (id: string) => 'live' | 'deleted' | undefined;

export function problemsIn(type: SObjectType, values: Record<string, unknown>, mode: 'create' | 'update', resolve: Resolver): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const readOnly = Object.keys(values).filter((name) => !(mode === 'create' ? fieldOf(type, name)!.createable : fieldOf(type, name)!.updateable));
  if (readOnly.length > 0) {
    problems.push({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, fields: readOnly });
  }
  const missing = SCHEMAS[type].filter((f) => f.required && (mode === 'create' ? values[f.name] === undefined || values[f.name] === null || values[f.name] === '' : f.name in values && (values[f.name] === null || values[f.name] === '')));
  if (missing.length > 0) problems.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`, fields: missing.map((f) => f.name) });
  for (const [name, value] of Object.entries(values)) {
    const spec = fieldOf(type, name)!;
    if (value === null || value === '' || readOnly.includes(name)) continue;
    if (spec.type === 'email' && !EMAIL.test(String(value))) problems.push({ statusCode: 'INVALID_EMAIL_ADDRESS', message: `${spec.label}: invalid email address: ${String(value)}`, fields: [name] });
    else if (spec.length !== undefined && typeof value === 'string' && value.length > spec.length) {
      problems.push({ statusCode: 'STRING_TOO_LONG', message: `${spec.label}: data value too large: ${value.slice(0, 40)} (max length=${spec.length})`, fields: [name] });
    } else if (spec.type === 'reference' && spec.referenceTo && spec.referenceTo !== 'User') problems.push(...referenceProblems(spec, String(value), resolve));
  }
  return problems;
}

const PREFIX: Record<string, string> = { Account: '001', Contact: '003' };

function referenceProblems(spec: FieldSpec, value: string, resolve: Resolver): RecordProblem[] {
  const id = to18(value);
  if (!id || !id.startsWith(PREFIX[spec.referenceTo!] ?? '')) return [{ statusCode: 'MALFORMED_ID', message: `${spec.label}: id value of incorrect type: ${value}`, fields: [spec.name] }];
  return resolve(id) === 'live' ? [] : [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [spec.name] }];
}
