/**
 * What every route handler shares: the server, the data, and who is calling (an account, or
 * nobody: Jira serves some reads anonymously, with only what anonymous users may see).
 */
import type { SandboxRequest, SandboxServer } from '../../../src/sandbox/index.js';
import type { JiraStore } from './store.js';

export interface Principal {
  /** null for a request without credentials. */
  accountId: string | null;
}

export interface RouteContext {
  server: SandboxServer<Principal>;
  store: JiraStore;
}

/** The zone Jira reads JQL dates in and renders timestamps in: the caller's profile zone. */
export function zoneOf(ctx: RouteContext, req: SandboxRequest<Principal>): string {
  const id = req.auth?.accountId;
  return (id ? ctx.store.user(id)?.data.timeZone : undefined) ?? 'UTC';
}

export function object(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A list parameter as Jira takes it: repeated (`a=1&a=2`), comma-separated, or a JSON array. */
export function listParam(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  return items.flatMap((item) => item.split(',')).map((s) => s.trim()).filter(Boolean);
}
