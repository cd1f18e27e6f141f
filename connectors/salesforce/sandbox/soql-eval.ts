/**
 * Runs a parsed SOQL query against the store: names checked against the object (INVALID_TYPE,
 * INVALID_FIELD), literal types checked against field types as Salesforce does, then filter and
 * sort. String comparisons are case-insensitive, as SOQL's are; ids compare case-sensitively.
 * ASC sorts put nulls first and DESC last unless NULLS says otherwise; ties keep Id order.
 */
import { noSuchColumn, queryError, unsupportedType } from './errors.js';
import { to18 } from './ids.js';
import { fieldOf, sobjectTypeOf, type FieldSpec, type SObjectType } from './schema.js';
import type { Condition, FieldRef, Literal, SoqlQuery } from './soql-parse.js';
import type { SalesforceStore, SfEntry } from './store.js';

const STRINGY = new Set(['string', 'email', 'phone', 'url', 'picklist', 'textarea']);
const NUMERIC = new Set(['int', 'double', 'currency']);

type Check = (entry: SfEntry) => boolean;

function expected(spec: FieldSpec): Literal['kind'] {
  if (spec.type === 'datetime') return 'datetime';
  if (spec.type === 'date') return 'date';
  if (NUMERIC.has(spec.type)) return 'number';
  if (spec.type === 'boolean') return 'boolean';
  return 'string';
}

function comparable(spec: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (STRINGY.has(spec.type)) return String(value).toLowerCase();
  return value;
}

export function compileQuery(store: SalesforceStore, query: SoqlQuery) {
  const type: SObjectType = sobjectTypeOf(query.from.name) ?? (() => { throw unsupportedType(query.text, query.from.column, query.from.name); })();
  const spec = (ref: FieldRef): FieldSpec => fieldOf(type, ref.name) ?? (() => { throw noSuchColumn(query.text, ref.column, ref.name, type); })();
  const literalValue = (field: FieldSpec, literal: Literal, ref: FieldRef): unknown => {
    if (literal.kind === 'null') return null;
    const want = expected(field);
    if (literal.kind !== want) {
      const quoted = want === 'string' ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
      throw queryError('INVALID_FIELD', query.text, ref.column, `value of filter criterion for field '${field.name}' must be of type ${field.type === 'datetime' ? 'dateTime' : want} and ${quoted}`);
    }
    if (field.type === 'id' || field.type === 'reference') {
      const id = to18(String(literal.kind === 'string' ? literal.value : ''));
      if (!id) throw queryError('INVALID_QUERY_FILTER_OPERATOR', query.text, ref.column, `invalid ID field: ${literal.kind === 'string' ? literal.value : ''}`);
      return id;
    }
    return comparable(field, (literal as { value: unknown }).value);
  };
  const read = (field: FieldSpec, entry: SfEntry) => comparable(field, store.value(type, entry, field));

  const compile = (cond: Condition): Check => {
    switch (cond.kind) {
      case 'and': { const [l, r] = [compile(cond.left), compile(cond.right)]; return (e) => l(e) && r(e); }
      case 'or': { const [l, r] = [compile(cond.left), compile(cond.right)]; return (e) => l(e) || r(e); }
      case 'not': { const inner = compile(cond.inner); return (e) => !inner(e); }
      case 'in': {
        const field = spec(cond.field);
        const values = cond.values.map((v) => literalValue(field, v, cond.field));
        return (e) => values.includes(read(field, e)) !== cond.negated;
      }
      case 'like': {
        const field = spec(cond.field);
        const pattern = new RegExp(`^${cond.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');
        return (e) => { const v = read(field, e); return v !== null && pattern.test(String(v)); };
      }
      case 'compare': {
        const field = spec(cond.field);
        const want = literalValue(field, cond.value, cond.field);
        return (e) => {
          const v = read(field, e);
          if (cond.op === '=') return v === want;
          if (cond.op === '!=') return v !== want;
          if (v === null || want === null) return false;
          const [a, b] = [v as string | number, want as string | number];
          return cond.op === '<' ? a < b : cond.op === '<=' ? a <= b : cond.op === '>' ? a > b : a >= b;
        };
      }
    }
  };

  const fields = query.fields.map(spec);
  const where = query.where ? compile(query.where) : () => true;
  const order = query.orderBy.map((o) => ({ field: spec(o.field), desc: o.desc, nullsLast: o.nullsLast }));
  const compare = (a: SfEntry, b: SfEntry): number => {
    for (const o of order) {
      const [va, vb] = [read(o.field, a), read(o.field, b)];
      if (va === vb) continue;
      if (va === null || vb === null) return (va === null ? -1 : 1) * (o.nullsLast ? -1 : 1);
      return ((va as string | number) < (vb as string | number) ? -1 : 1) * (o.desc ? -1 : 1);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

  /** Matching records, sorted, sliced by OFFSET and LIMIT. */
  const run = (includeDeleted: boolean): SfEntry[] => {
    const rows = store.collections[type].list({ includeArchived: includeDeleted }).filter(where);
    const sorted = order.length > 0 ? [...rows].sort(compare) : rows;
    const from = query.offset ?? 0;
    return sorted.slice(from, query.limit === undefined ? undefined : from + query.limit);
  };
  return { type, fields, run };
}
