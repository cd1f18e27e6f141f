/**
 * Finding existing records by natural key, one documented search per value: users by
 * `GET /api/v2/users/search?query=email:…` (active users only; Zendesk compares emails
 * case-blind), organizations by `GET /api/v2/organizations/search?name=…` (names are unique in
 * an account, case-blind). Several searches run at once; the executor's limiter paces them.
 */
import { unwrap } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { z } from 'zod';
import { organizationSchema, userSchema } from '../schemas.js';
import type { WritableObject } from './objects.js';

const IN_FLIGHT = 4;
const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

const answers = {
  users: z.looseObject({ users: z.array(userSchema) }).transform((b) => b.users as Array<Record<string, unknown>>),
  organizations: z.looseObject({ organizations: z.array(organizationSchema) }).transform((b) => b.organizations as Array<Record<string, unknown>>),
};

export async function findByNaturalKey(ctx: ConnectorContext, object: WritableObject, values: string[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const wanted = [...new Set(values.filter((v) => key(v) !== ''))];
  const field = object.naturalKey.field;
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const value = wanted[next++]!;
      const records = unwrap(await ctx.http.request({
        url: `/api/v2/${object.plural}/search.json`, query: object.naturalKey.query(value.trim()), schema: answers[object.plural], signal: ctx.signal,
      }));
      const match = records.find((r) => !object.gone(r) && key(r[field]) === key(value));
      if (match) found.set(value, object.toRecord(match));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, wanted.length) }, worker));
  return found;
}
