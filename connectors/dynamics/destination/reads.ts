/**
 * Reading records back: by primary key (`$filter=contactid eq … or …`, 50 to a call) for the
 * snapshot and the verify, and by natural key (contacts by `emailaddress1`, accounts by `name`,
 * 25 quoted values to a call) for a load's plan. Dataverse compares strings case-blind. A row a
 * delete removed is simply absent: Dataverse deletes for good.
 */
import { unwrap } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import type { DataverseEntity } from '../entities.js';
import { entityPath, isGuid, literal, queryString } from '../odata.js';
import { plainRow } from '../records.js';
import { rowsSchema, type Row } from '../schemas.js';

const IDS_PER_CALL = 50;
const KEYS_PER_CALL = 25;
const COLUMN = /^[a-z_][a-z0-9_]*$/;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The lookup column a navigation property sets (`parentcustomerid_account` → `_parentcustomerid_value`). */
function lookupOf(entity: DataverseEntity, navigation: string): string | undefined {
  return Object.entries(entity.writeLookups).find(([, l]) => l.navigation === navigation || Object.values(l.alternatives ?? {}).includes(navigation))?.[0];
}

/** The connector's columns plus those a load writes (a lookup set as `x@odata.bind` reads as its `_x_value`). */
export function selectOf(entity: DataverseEntity, extra: string[] = []): string {
  const wanted = new Set(entity.columns);
  for (const field of extra) {
    const column = field.endsWith('@odata.bind') ? lookupOf(entity, field.slice(0, -'@odata.bind'.length)) : field;
    if (column && COLUMN.test(column) && !column.startsWith('_derived')) wanted.add(column);
  }
  return [...wanted].join(',');
}

async function rowsWhere(ctx: ConnectorContext, entity: DataverseEntity, filter: string, select: string): Promise<Row[]> {
  const url = entityPath(entity.set) + queryString({ $select: select, $filter: filter });
  return unwrap(await ctx.http.request({ url, schema: rowsSchema(entity), signal: ctx.signal }));
}

export async function getByIds(ctx: ConnectorContext, entity: DataverseEntity, ids: string[], fields?: string[]): Promise<Map<string, Row | null>> {
  const found = new Map<string, Row | null>(ids.map((id) => [id, null]));
  const byLower = new Map(ids.map((id) => [id.toLowerCase(), id]));
  const select = selectOf(entity, fields);
  for (const part of chunks(ids.filter(isGuid), IDS_PER_CALL)) {
    const filter = part.map((id) => `${entity.primaryKey} eq ${id.toLowerCase()}`).join(' or ');
    for (const row of await rowsWhere(ctx, entity, filter, select)) {
      const asked = byLower.get(String(row[entity.primaryKey]).toLowerCase());
      if (asked !== undefined) found.set(asked, plainRow(row));
    }
  }
  return found;
}

const keyOf = (value: unknown) => String(value ?? '').trim().toLowerCase();

/** The best of several rows sharing a key: an active one, then the most recently changed. */
function better(a: Row, b: Row): Row {
  if ((a.statecode === 0) !== (b.statecode === 0)) return a.statecode === 0 ? a : b;
  return String(a.modifiedon ?? '') >= String(b.modifiedon ?? '') ? a : b;
}

export async function findByNaturalKey(ctx: ConnectorContext, entity: DataverseEntity, values: string[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const column = entity.naturalKey;
  if (!column) return found;
  const wanted = [...new Set(values.filter((v) => keyOf(v) !== ''))];
  for (const part of chunks(wanted, KEYS_PER_CALL)) {
    const filter = part.map((v) => `${column} eq ${literal(v.trim())}`).join(' or ');
    const best = new Map<string, Row>();
    for (const row of await rowsWhere(ctx, entity, filter, selectOf(entity))) {
      const key = keyOf(row[column]);
      const held = best.get(key);
      best.set(key, held ? better(held, row) : row);
    }
    for (const value of part) {
      const row = best.get(keyOf(value));
      if (row) found.set(value, plainRow(row));
    }
  }
  return found;
}
