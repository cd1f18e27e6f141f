/**
 * Users: `GET /rest/api/3/users/search` (and `/users`), a bare array of every account (active,
 * inactive and previously deleted), paged by `startAt` and `maxResults` (default 50, at most
 * 1,000); `GET /rest/api/3/user?accountId=`; `GET /rest/api/3/myself`. Anonymous callers get an
 * empty list, as callers without "Browse users and groups" do.
 */
import { jiraError, unauthorized } from './errors.js';
import { renderUser } from './render.js';
import type { RouteContext } from './context.js';

function count(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw jiraError(400, [`The value '${raw}' is invalid for the parameter '${name}'.`]);
  return n;
}

export function registerUserRoutes(ctx: RouteContext): void {
  const { server, store } = ctx;

  for (const path of ['/rest/api/3/users/search', '/rest/api/3/users']) {
    server.route('GET', path, (req) => {
      if (req.auth.accountId === null) return { status: 200, body: [] };
      const startAt = count(req.query.startAt, 0, 'startAt');
      const maxResults = Math.min(count(req.query.maxResults, 50, 'maxResults'), 1000);
      const users = store.users.list({ sortBy: 'createdAt' }).slice(startAt, startAt + maxResults);
      return { status: 200, body: users.map((u) => renderUser(req.baseUrl, u.data)) };
    });
  }

  server.route('GET', '/rest/api/3/user', (req) => {
    const user = store.user(req.query.accountId ?? '');
    if (!user) throw jiraError(404, ['Specified user does not exist or you do not have required permissions'], {});
    return { status: 200, body: renderUser(req.baseUrl, user.data) };
  });

  server.route('GET', '/rest/api/3/myself', (req) => {
    const user = req.auth.accountId === null ? undefined : store.user(req.auth.accountId);
    if (!user) return unauthorized();
    return { status: 200, body: renderUser(req.baseUrl, user.data) };
  });
}
