/**
 * The query service: `POST /services/rest/query/v1/suiteql` with `Prefer: transient` and the
 * query in the body as `{ "q": "…" }`, paged by `limit` and `offset` (docs.oracle.com …
 * section_157909186990 and section_158394344595). Each result row is an item with empty
 * `links`; values come as text, booleans as 'T'/'F', and empty columns are left out.
 */
import type { SandboxServer } from '../../../src/sandbox/index.js';
import { governed, type ConcurrencyGate } from './concurrency.js';
import { fail, nsError } from './errors.js';
import { collectionPage } from './paging.js';
import { run, type Row } from './suiteql/eval.js';
import { defaultDate } from './suiteql/format.js';
import { parseQuery } from './suiteql/parse.js';
import type { SuiteqlTables } from './suiteql/tables.js';
import type { Principal } from './tba.js';

export const SUITEQL_PATH = '/services/rest/query/v1/suiteql';

function item(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = { links: [] };
  for (const [name, value] of Object.entries(row)) {
    if (value === null) continue;
    out[name] = typeof value === 'object' ? defaultDate(value.at) : String(value);
  }
  return out;
}

function queryText(body: unknown, raw: Buffer): string {
  let parsed = body;
  if (parsed === undefined && raw.length > 0) {
    try { parsed = JSON.parse(raw.toString('utf8')); } catch { parsed = undefined; }
  }
  const q = parsed && typeof parsed === 'object' ? (parsed as { q?: unknown }).q : undefined;
  if (typeof q !== 'string' || q.trim() === '') {
    fail(nsError(400, [{ detail: 'Invalid content in the request body. The request body must contain the query in the "q" property.', 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'q' }]));
  }
  return q as string;
}

export function registerSuiteqlRoutes(server: SandboxServer<Principal>, gate: ConcurrencyGate, tables: SuiteqlTables): void {
  governed(server, gate, 'POST', SUITEQL_PATH, (req) => {
    if (!/(^|[\s,;])transient($|[\s,;])/i.test(req.headers.prefer ?? '')) {
      return nsError(400, [{ detail: 'The request must include the header Prefer: transient.', 'o:errorCode': 'INVALID_HEADER', 'o:errorHeader': 'Prefer' }]);
    }
    const query = parseQuery(queryText(req.body, req.rawBody));
    const { rows, project } = run(query, tables.table(query.table));
    return collectionPage(req, rows, (row) => item(project(row)));
  });
}
