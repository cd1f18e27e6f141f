/**
 * Route plumbing shared by the route files: Zendesk serves every path with or without `.json`
 * (`/api/v2/users/me` and `/api/v2/users/me.json`), and due background jobs run before any
 * request is handled, so a read after a job's due time sees its writes.
 */
import type { SandboxHandler, SandboxRequest, SandboxServer } from '../../../src/sandbox/index.js';
import type { Principal } from './auth.js';
import { fail, invalidParameter, recordInvalid } from './errors.js';
import type { JobBook } from './jobs.js';
import type { ZendeskStore } from './store.js';

export interface RouteContext {
  server: SandboxServer<Principal>;
  store: ZendeskStore;
  jobs: JobBook;
  /** Changes newer than this are left out of incremental exports (Zendesk: one minute). */
  exportDelayMs: number;
}

/** Registers a route under its path and its `.json` twin (params strip the suffix themselves). */
export function on(ctx: RouteContext, method: string, path: string, handler: SandboxHandler<Principal>): void {
  const wrapped: SandboxHandler<Principal> = (req) => {
    ctx.jobs.settle();
    return handler(req);
  };
  ctx.server.route(method, path, wrapped);
  if (!/\/:\w+$/.test(path)) ctx.server.route(method, `${path}.json`, wrapped);
}

/** A route parameter without Zendesk's optional `.json` suffix. */
export function param(req: SandboxRequest, name = 'id'): string {
  return (req.params[name] ?? '').replace(/\.json$/, '');
}

/** The object under `key` in a JSON body (`{ user: {...} }`), or Zendesk's 400. */
export function bodyObject(req: SandboxRequest, key: string): Record<string, unknown> {
  const value = (req.body as Record<string, unknown> | undefined)?.[key];
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(recordInvalid({ [key]: [{ description: `${key} parameter is missing`, error: 'ParameterMissing' }] }, 400));
  return value as Record<string, unknown>;
}

/** The array under `key` (`{ users: [...] }`), at most `max` long (Zendesk's bulk limit is 100). */
export function bodyArray(req: SandboxRequest, key: string, max = 100): Array<Record<string, unknown>> {
  const value = (req.body as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(value)) fail(recordInvalid({ [key]: [{ description: `${key} parameter is missing`, error: 'ParameterMissing' }] }, 400));
  if (value.length > max) fail(invalidParameter(key, `Too many ${key} (${value.length}); the limit is ${max}`));
  return value.map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {}));
}

/** `ids=1,2,3` as strings, at most `max` of them. */
export function idList(req: SandboxRequest, max = 100): string[] {
  const ids = (req.query.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > max) fail(invalidParameter('ids', `Too many ids (${ids.length}); the limit is ${max}`));
  return ids;
}
