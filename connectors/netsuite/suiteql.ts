/**
 * SuiteQL text. Values are quoted as Oracle string literals (`'` doubled); datetimes travel as
 * `TO_TIMESTAMP('2024-01-15T10:35:00', 'YYYY-MM-DD"T"HH24:MI:SS')` and come back through
 * TO_CHAR in the same model, because a datetime selected bare comes out in the user's date
 * format without its time. Every column is qualified with its table, so ORDER BY and WHERE name
 * the column even where a TO_CHAR alias has the same name.
 */
import { MODIFIED, type NsObject } from './objects.js';

export const SUITEQL_PATH = '/services/rest/query/v1/suiteql';
export const DATETIME_MODEL = 'YYYY-MM-DD"T"HH24:MI:SS';
const DATE_MODEL = 'YYYY-MM-DD';

/** NetSuite's wall-clock text for a datetime, to the second, without a zone. */
export const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function timestamp(wall: string): string {
  if (!WALL_TIME.test(wall)) throw new Error(`not a NetSuite datetime: ${wall}`);
  return `TO_TIMESTAMP(${quote(wall)}, ${quote(DATETIME_MODEL)})`;
}

export function asText(table: string, column: string, model = DATETIME_MODEL): string {
  return `TO_CHAR(${table}.${column}, ${quote(model)}) AS ${column}`;
}

/** The select list of an object's live rows. */
export function selectList(object: NsObject): string {
  const t = object.type;
  return [
    ...object.columns.map((c) => `${t}.${c}`),
    ...object.dateColumns.map((c) => asText(t, c, DATE_MODEL)),
    asText(t, object.createdColumn), asText(t, MODIFIED),
  ].join(', ');
}

/** `(at > t) OR (at = t AND id > n)`: strictly after a keyset position. */
export function after(atColumn: string, idColumn: string, at: string, id: string): string {
  if (!/^\d+$/.test(id)) throw new Error(`not a NetSuite internal id: ${id}`);
  return `(${atColumn} > ${timestamp(at)} OR (${atColumn} = ${timestamp(at)} AND ${idColumn} > ${id}))`;
}
