/**
 * What the API answers, as the console reads it. Optional where the API may leave a field out.
 */
import type { FieldError } from './http.js';

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  writeOnly?: boolean;
  'x-widget'?: 'text' | 'password' | 'textarea' | 'select' | 'number';
  'x-placeholder'?: string;
  'x-options'?: Array<{ value: string; label: string }>;
};

export interface AuthMethodEntry {
  id: string;
  type: string;
  label: string;
  schema: JsonSchema;
  scopes: string[];
}

export interface CatalogueEntry {
  id: string;
  name: string;
  version: string;
  category: string;
  docsUrl: string;
  description: string;
  allowedDomains: string[];
  authMethods: AuthMethodEntry[];
  connectionSchema: JsonSchema;
  objects: Array<{ name: string; label: string; canonical: string; source: boolean; destination: boolean }>;
  messaging: boolean;
  guide: { steps: string[]; scopes: string[]; limits?: string };
  hasSandbox: boolean;
}

export interface Org {
  id: string;
  name: string;
  domainAllowlist: string[];
  createdAt?: string;
}

export interface Workspace {
  id: string;
  orgId: string;
  name: string;
  isDemo: boolean;
  createdAt?: string;
}

export type Role = 'platform_admin' | 'org_admin' | 'workspace_member';

export interface Principal {
  keyId: string;
  role: Role;
  orgId: string | null;
  workspaceId: string | null;
}

export interface Connection {
  id: string;
  workspaceId?: string;
  connectorId: string;
  name: string;
  authMethod: string;
  status: string;
  statusReason?: string | null;
  config?: Record<string, unknown>;
  credentials?: Record<string, { configured: boolean }>;
  sandbox?: boolean;
  createdAt?: string;
  /** Present when the chosen method is OAuth: where to send the person to consent. */
  authorizeUrl?: string;
}

export interface RunStats {
  created: number;
  updated: number;
  deleted: number;
  /** Records rejected into dead letters. */
  errors: number;
}

export interface Run {
  id: string;
  connectionId: string;
  streamId: string;
  object: string;
  mode: 'full' | 'incremental';
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  records: number;
  pages: number;
  stats: RunStats;
  error: { kind: string; message: string; status: number | null; code: string | null; fields: FieldError[] } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Stream {
  id: string;
  connectionId: string;
  object: string;
  canonical: string | null;
  enabled: boolean;
  cron: string;
  nextRunAt: string | null;
  lastFullSyncAt: string | null;
  running: boolean;
  mappingOverridden: boolean;
}

export type Transform = 'none' | 'lowercase' | 'uppercase' | 'trim' | 'date' | 'number' | 'boolean';

export interface FieldMapping {
  target: string;
  source: string;
  transform?: Transform;
  valueMap?: Record<string, string | number | boolean | null>;
}

export interface StreamMapping {
  object: string;
  canonical: string;
  default: FieldMapping[];
  override: FieldMapping[] | null;
  effective: FieldMapping[];
}

export interface MappingPreview {
  canonical: string;
  sampled: number;
  results: Array<{ externalId: string; record: Record<string, unknown> | null; errors: FieldError[] }>;
}

export interface Change {
  seq: number;
  connectionId?: string;
  object?: string;
  externalId: string;
  op: 'insert' | 'update' | 'delete';
  canonicalType?: string;
  data?: Record<string, unknown> | null;
  runId?: string | null;
  createdAt?: string;
}

export interface CanonicalRecord {
  object: string;
  externalId: string;
  data: Record<string, unknown>;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeadLetter {
  id: string;
  connectionId: string;
  runId: string | null;
  object: string;
  externalId: string | null;
  reason: string;
  fields: FieldError[];
  payload?: unknown;
  replayedAt: string | null;
  createdAt: string;
}

export interface LoadReport {
  status: string;
  counts: { total: number; create: number; update: number; delete: number; noop: number; conflict: number };
  written: number;
  failed: number;
  verified: number;
  verifyFailed: number;
  rollback?: { trigger: string; restored: number; recreated: number; unrecoverable: number; failed: number; items: Array<{ seq: number; status: string; detail: string }> };
  errors: Array<{ seq: number; kind: string; message: string; fields: FieldError[] }>;
}

export interface LoadItem {
  seq: number;
  op: string;
  action: 'create' | 'update' | 'delete' | 'noop' | 'conflict';
  targetId: string | null;
  naturalKey: string | null;
  input: Record<string, unknown>;
  snapshot?: Record<string, unknown> | null;
  diff: Array<{ field: string; from: unknown; to: unknown }>;
  reason?: string;
  writeStatus?: string;
  verifyStatus?: string;
  rollbackStatus?: string;
  rollbackDetail?: string | null;
  error?: { kind: string; message: string; fields: FieldError[] } | null;
}

export interface Load {
  id: string;
  connectionId: string;
  object: string;
  status: string;
  dryRun: boolean;
  options?: Record<string, unknown>;
  report: LoadReport;
  progress?: { toWrite: number; written: number; failed: number; verified: number };
  createdAt: string;
  finishedAt: string | null;
}

export interface LoadWithItems {
  load: Load;
  items: LoadItem[];
}

export interface AuditEntry {
  id: number;
  orgId: string | null;
  workspaceId: string | null;
  actor: { keyId: string | null; role: string | null } | string;
  action: string;
  target: string | null;
  diff?: unknown;
  at: string;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  orgId: string | null;
  workspaceId: string | null;
  memberId?: string | null;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  /** Shown in this answer only. */
  key: string;
}

export interface Member {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  workspaceId: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
}
