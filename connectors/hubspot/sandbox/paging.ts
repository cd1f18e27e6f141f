/**
 * The paging of HubSpot's list endpoints: `paging.next.after` is an opaque token (base64 of the
 * next record's id, e.g. `NTI1Cg==` for 525) and `paging.next.link` the URL of the next page.
 * The token names a position by id, not by offset, so a record archived meanwhile neither
 * breaks the token nor shifts the pages; search (`search.ts`) pages by offset instead.
 */
import { compareIds, nextUrl, resolveLimit, type SandboxRequest } from '../../../src/sandbox/index.js';
import { badRequest } from './errors.js';

export function encodeAfter(id: string): string {
  return Buffer.from(`${id}\n`, 'utf8').toString('base64');
}

function decodeAfter(token: string): string {
  const id = Buffer.from(token, 'base64').toString('utf8').trim();
  if (!/^\d+$/.test(id)) throw badRequest(`Invalid paging cursor: ${token}`);
  return id;
}

/** HubSpot's list `limit`: 10 when absent, at most 100 (larger values are served as 100). */
export function listLimit(raw: string | undefined): number {
  return resolveLimit(raw, {
    defaultLimit: 10, maxLimit: 100, overMax: 'clamp',
    reject: (p) => badRequest(`limit: ${p.message}`),
  });
}

export function pageById<T extends { id: string }>(items: readonly T[], req: SandboxRequest): { page: T[]; paging?: Record<string, unknown> } {
  const limit = listLimit(req.query.limit);
  const after = req.query.after ? decodeAfter(req.query.after) : undefined;
  let start = after === undefined ? 0 : items.findIndex((item) => compareIds(item.id, after) >= 0);
  if (start < 0) start = items.length;
  const page = items.slice(start, start + limit);
  const next = items[start + limit];
  if (!next) return { page };
  const token = encodeAfter(next.id);
  return { page, paging: { next: { after: token, link: nextUrl(`${req.baseUrl}${req.url}`, { after: token }) } } };
}
