/**
 * `GET /services/data/vXX.X/query?q=…` and `/queryAll?q=…` (deleted records too), served in
 * batches of `Sforce-Query-Options: batchSize=N` (200 to 2,000, default 2,000) with
 * `{ totalSize, done, nextRecordsUrl?, records }`. The next batch is `GET nextRecordsUrl`, which
 * says `query` even for a queryAll, as Salesforce's does.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { sfError } from './errors.js';
import type { LocatorBook } from './locators.js';
import type { Principal, SfServer } from './principal.js';
import { compileQuery } from './soql-eval.js';
import { parseSoql } from './soql-parse.js';
import type { SalesforceStore } from './store.js';

export const DEFAULT_BATCH = 2000;
export const MIN_BATCH = 200;

/** The batch size a client asked for, clamped to Salesforce's range; the query's own otherwise. */
export function batchSizeOf(req: SandboxRequest, fallback = DEFAULT_BATCH): number {
  const match = /batchSize\s*=\s*(\d+)/i.exec(req.headers['sforce-query-options'] ?? '');
  if (!match) return fallback;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}

function batch(req: SandboxRequest, book: LocatorBook, owner: string, rows: Array<Record<string, unknown>>, offset: number, size: number, locator?: string) {
  const records = rows.slice(offset, offset + size);
  const done = offset + size >= rows.length;
  const body: Record<string, unknown> = { totalSize: rows.length, done };
  if (!done) {
    const id = locator ?? book.open(owner, rows, size);
    body.nextRecordsUrl = `/services/data/${req.params.version}/query/${id}-${offset + size}`;
  } else if (locator) book.close(locator);
  body.records = records;
  return { status: 200, body };
}

export function registerQueryRoutes(server: SfServer, store: SalesforceStore, book: LocatorBook): void {
  const run = (includeDeleted: boolean) => (req: SandboxRequest<Principal>) => {
    const soql = req.query.q;
    if (!soql) throw sfError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const query = compileQuery(store, parseSoql(soql));
    const rows = query.run(includeDeleted).map((e) => store.render(query.type, e, query.fields, req.params.version ?? 'v62.0'));
    return batch(req, book, req.auth.user, rows, 0, batchSizeOf(req));
  };
  for (const path of ['query', 'query/', 'queryAll', 'queryAll/']) {
    server.route('GET', `/services/data/:version/${path}`, run(path.startsWith('queryAll')));
  }
  for (const path of ['query', 'queryAll']) {
    server.route('GET', `/services/data/:version/${path}/:cursor`, (req) => {
      const match = /^([A-Za-z0-9]{15,18})-(\d+)$/.exec(req.params.cursor ?? '');
      if (!match) throw sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      const cursor = book.take(req.auth.user, match[1]!);
      return batch(req, book, req.auth.user, cursor.rows, Number(match[2]), batchSizeOf(req, cursor.batchSize), match[1]);
    });
  }
}
