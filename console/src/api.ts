/**
 * The typed client of the Forgeworks API (/api/v1). Every call goes through `request`, which
 * sends the API key and turns the API's error shape into an ApiError with a readable message
 * and the offending fields.
 */
import { listOf, request } from './http.js';
import type {
  ApiKey, AuditEntry, CanonicalRecord, CatalogueEntry, Change, Connection, CreatedApiKey, DeadLetter, FieldMapping,
  Load, LoadItem, LoadWithItems, MappingPreview, Member, Org, Page, Principal, Run, Stream, StreamMapping, Workspace,
} from './types.js';

export { ApiError, type FieldError } from './http.js';

const V1 = '/api/v1';
const e = encodeURIComponent;
const ws = (workspaceId: string) => `${V1}/workspaces/${e(workspaceId)}`;
const conn = (w: string, c: string) => `${ws(w)}/connections/${e(c)}`;
const stream = (w: string, c: string, object: string) => `${conn(w, c)}/streams/${e(object)}`;
const org = (orgId: string) => `${V1}/orgs/${e(orgId)}`;

export type RecordType = 'persons' | 'accounts' | 'activities';
export type LoadOp = 'create' | 'update' | 'upsert' | 'delete';

export interface NewConnection {
  connectorId: string;
  name: string;
  authMethod: string;
  config: Record<string, unknown>;
  credentials: Record<string, unknown>;
  sandboxBaseUrl?: string;
}

export interface NewLoad {
  connectionId: string;
  object: string;
  records?: unknown[];
  file?: { format: 'json' | 'csv'; content: string; op?: LoadOp };
  canonical?: { connectionId: string; object: string; op?: LoadOp; limit?: number };
  options: { dryRun: boolean; rollbackThreshold?: number };
}

function page<T>(body: unknown): Page<T> {
  const record = (body ?? {}) as { nextCursor?: string | null };
  return { items: listOf<T>(body), nextCursor: record.nextCursor ?? null };
}

const unwrap = <T>(body: unknown, key: string): T => ((body as Record<string, unknown>)?.[key] ?? body) as T;

export const api = {
  catalogue: async () => listOf<CatalogueEntry>(await request(`${V1}/connectors`), 'connectors'),
  connector: (connectorId: string) => request<CatalogueEntry>(`${V1}/connectors/${e(connectorId)}`),

  me: () => request<Principal>(`${V1}/me`),
  orgs: async () => listOf<Org>(await request(`${V1}/orgs`), 'orgs'),
  org: (orgId: string) => request<Org>(org(orgId)),
  createOrg: (name: string) => request<Org>(`${V1}/orgs`, { method: 'POST', body: { name } }),
  setAllowlist: (orgId: string, domains: string[]) => request<Org>(`${org(orgId)}/allowlist`, { method: 'PUT', body: { domains } }),

  workspaces: async () => listOf<Workspace>(await request(`${V1}/workspaces`), 'workspaces'),
  createWorkspace: (orgId: string, name: string) => request<Workspace>(`${org(orgId)}/workspaces`, { method: 'POST', body: { name } }),

  connections: async (w: string) => listOf<Connection>(await request(`${ws(w)}/connections`), 'connections'),
  connection: (w: string, c: string) => request<Connection>(conn(w, c)),
  createConnection: (w: string, body: NewConnection) => request<Connection>(`${ws(w)}/connections`, { method: 'POST', body }),
  testConnection: (w: string, c: string) => request<{ ok: boolean; message?: string; latencyMs: number }>(`${conn(w, c)}/test`, { method: 'POST', body: {} }),
  reauthorize: (w: string, c: string, credentials: Record<string, unknown>) =>
    request<Connection>(`${conn(w, c)}/reauthorize`, { method: 'POST', body: { credentials } }),
  /** OAuth authorization-code methods: the vendor URL to send the browser to. */
  authorize: async (w: string, c: string) => {
    const body = await request<{ authorizeUrl?: string; url?: string }>(`${conn(w, c)}/authorize`, { method: 'POST', body: {} });
    return body.authorizeUrl ?? body.url;
  },
  enableConnection: (w: string, c: string) => request<Connection>(`${conn(w, c)}/enable`, { method: 'POST', body: {} }),
  disableConnection: (w: string, c: string) => request<Connection>(`${conn(w, c)}/disable`, { method: 'POST', body: {} }),
  /** Org admins: the connection, its secrets and everything it owns. */
  deleteConnection: (w: string, c: string) => request<{ id: string; deleted: true }>(conn(w, c), { method: 'DELETE' }),

  streams: async (w: string, c: string) => listOf<Stream>(await request(`${conn(w, c)}/streams`), 'streams'),
  updateStream: (w: string, c: string, object: string, body: { cron?: string; enabled?: boolean }) =>
    request<Stream>(stream(w, c, object), { method: 'PATCH', body }),
  mapping: (w: string, c: string, object: string) => request<StreamMapping>(`${stream(w, c, object)}/mapping`),
  saveMapping: (w: string, c: string, object: string, mapping: FieldMapping[] | null) =>
    request<StreamMapping>(`${stream(w, c, object)}/mapping`, { method: 'PUT', body: { mapping } }),
  previewMapping: (w: string, c: string, object: string, mapping: FieldMapping[], signal?: AbortSignal) =>
    request<MappingPreview>(`${stream(w, c, object)}/mapping/preview`, { method: 'POST', body: { mapping, limit: 5 }, signal }),
  syncNow: async (w: string, c: string, object: string, mode: 'incremental' | 'full') =>
    unwrap<Run>(await request(`${stream(w, c, object)}/runs`, { method: 'POST', body: { mode } }), 'run'),

  runs: async (w: string, query: { connectionId?: string; limit?: number; cursor?: string | null } = {}) => page<Run>(await request(`${ws(w)}/runs`, { query })),
  run: async (w: string, r: string) => unwrap<Run>(await request(`${ws(w)}/runs/${e(r)}`), 'run'),

  changes: async (w: string, after: number, limit: number) => {
    const body = await request<{ items: Change[]; nextAfter?: number }>(`${ws(w)}/changes`, { query: { after, limit } });
    return { items: listOf<Change>(body), nextAfter: body.nextAfter ?? after };
  },
  records: async (w: string, type: RecordType, query: { limit: number; cursor?: string | null; connectionId?: string; q?: string }) =>
    page<CanonicalRecord>(await request(`${ws(w)}/records/${type}`, { query })),

  deadLetters: async (w: string, query: { runId?: string; limit?: number; cursor?: string | null } = {}) =>
    page<DeadLetter>(await request(`${ws(w)}/dead-letters`, { query })),
  replay: (w: string, d: string) => request<{ deadLetter: DeadLetter; outcome: string }>(`${ws(w)}/dead-letters/${e(d)}/replay`, { method: 'POST', body: {} }),

  loads: async (w: string, query: { limit?: number; cursor?: string | null } = {}) => page<Load>(await request(`${ws(w)}/loads`, { query })),
  createLoad: (w: string, body: NewLoad) => request<LoadWithItems>(`${ws(w)}/loads`, { method: 'POST', body }),
  load: async (w: string, l: string): Promise<LoadWithItems> => {
    const body = await request<{ load?: Load; items?: LoadItem[] } & Partial<Load>>(`${ws(w)}/loads/${e(l)}`);
    return body.load ? { load: body.load, items: body.items ?? [] } : { load: body as Load, items: [] };
  },
  runLoad: (w: string, l: string) => request<unknown>(`${ws(w)}/loads/${e(l)}/run`, { method: 'POST', body: {} }),
  rollbackLoad: async (w: string, l: string) => unwrap<Load>(await request(`${ws(w)}/loads/${e(l)}/rollback`, { method: 'POST', body: {} }), 'load'),

  audit: async (query: { limit: number; cursor?: string | null; orgId?: string; workspaceId?: string }) => page<AuditEntry>(await request(`${V1}/audit`, { query })),
  apiKeys: async (orgId: string) => listOf<ApiKey>(await request(`${org(orgId)}/api-keys`, { query: { includeRevoked: true } }), 'keys'),
  createApiKey: (orgId: string, body: { name: string; role: string; workspaceId?: string }) => request<CreatedApiKey>(`${org(orgId)}/api-keys`, { method: 'POST', body }),
  revokeApiKey: (orgId: string, k: string) => request(`${org(orgId)}/api-keys/${e(k)}`, { method: 'DELETE' }),
  members: async (orgId: string) => listOf<Member>(await request(`${org(orgId)}/members`), 'members'),
  addMember: (orgId: string, body: { email: string; role: string; workspaceId?: string }) => request<Member>(`${org(orgId)}/members`, { method: 'POST', body }),
  removeMember: (orgId: string, m: string) => request(`${org(orgId)}/members/${e(m)}`, { method: 'DELETE' }),
};
