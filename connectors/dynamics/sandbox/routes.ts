/**
 * The Web API's routes under `/api/data/v9.x/`: `$batch`, `WhoAmI`, entity sets (query, create)
 * and records addressed by key (read, update/upsert, delete). One dispatcher serves both the
 * HTTP routes and the requests inside a batch.
 */
import type { SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import { runBatch } from './batch.js';
import { dvError, noSegment, ODATA_HEADERS } from './errors.js';
import type { DvServer } from './principal.js';
import { queryCollection } from './query.js';
import { createRecord, recordRoute, type RecordContext } from './record.js';
import { tableBySet } from './schema.js';
import type { TrackingContext } from './tracking.js';

export interface ApiContext extends TrackingContext, RecordContext {
  who: { UserId: string; BusinessUnitId: string; OrganizationId: string };
}

const PATH = /^\/api\/data\/(v9\.[0-2])\/(.+)$/;

export async function dispatch(api: ApiContext, req: SandboxRequest, inBatch = false): Promise<SandboxResponse> {
  const match = PATH.exec(req.path);
  if (!match) throw noSegment(req.path.split('/').filter(Boolean).at(-1) ?? '');
  const version = match[1]!;
  const target = decodeURIComponent(match[2]!);
  if (target === '$batch' && req.method === 'POST' && !inBatch) return runBatch(req, (sub) => dispatch(api, sub, true));
  if (target === 'WhoAmI' && req.method === 'GET') {
    return { status: 200, headers: ODATA_HEADERS, body: { '@odata.context': `${req.baseUrl}/api/data/${version}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, ...api.who } };
  }
  const keyed = /^(\w+)\((.*)\)$/.exec(target);
  if (keyed) {
    const table = tableBySet(keyed[1]!);
    if (!table) throw noSegment(keyed[1]!);
    return recordRoute(api, table, keyed[2]!, req, version);
  }
  const table = /^\w+$/.test(target) ? tableBySet(target) : undefined;
  if (!table) throw noSegment(target);
  if (req.method === 'GET') return queryCollection(api, table, req, version);
  if (req.method === 'POST') return createRecord(api, table, req, version);
  throw dvError(405, '0x80060888', `The HTTP method '${req.method}' is not allowed on the entity set '${table.set}'.`);
}

export function registerApiRoutes(server: DvServer, api: ApiContext): void {
  server.route(['GET', 'POST', 'PATCH', 'DELETE'], '/api/data/*', (req) => dispatch(api, req));
}
