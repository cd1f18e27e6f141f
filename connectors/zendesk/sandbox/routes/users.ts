/**
 * Users (developer.zendesk.com/api-reference/ticketing/users/users): the shared resource routes,
 * plus `me` and search. A delete is soft: the answer is the user with `active: false`, a read by
 * id still shows it so, and search no longer finds it.
 */
import type { SandboxRequest } from '../../../../src/sandbox/index.js';
import { OWNER } from '../auth.js';
import { fail, invalidParameter } from '../errors.js';
import { renderUser } from '../render.js';
import { on, type RouteContext } from '../routing.js';
import { registerResourceRoutes } from './resource.js';

/** `query=email:someone@example.com` (quotes optional) or `external_id=…`. */
function searchFilter(req: SandboxRequest): (data: { email: string | null; external_id: string | null }) => boolean {
  if (req.query.external_id !== undefined) return (d) => d.external_id === req.query.external_id;
  const match = /^(?:type:user\s+)?email:"?([^"\s]+)"?$/i.exec((req.query.query ?? '').trim());
  if (!match) fail(invalidParameter('query', 'The sandbox searches users by email:<address> or external_id only'));
  const email = match[1]!.toLowerCase();
  return (d) => d.email === email;
}

export function registerUserRoutes(ctx: RouteContext): void {
  const { store } = ctx;
  on(ctx, 'GET', '/api/v2/users/me', (req) => ({
    status: 200,
    body: { user: { id: OWNER.id, url: `${req.baseUrl}/api/v2/users/${OWNER.id}.json`, name: OWNER.name, email: OWNER.email, role: OWNER.role, active: true, verified: true } },
  }));

  on(ctx, 'GET', '/api/v2/users/search', (req) => {
    const keep = searchFilter(req);
    const users = store.users.list({ filter: (e) => e.data.active && keep(e.data) }).map((e) => renderUser(e, req.baseUrl));
    return { status: 200, body: { users, next_page: null, previous_page: null, count: users.length } };
  });

  registerResourceRoutes(ctx, {
    plural: 'users', singular: 'user',
    live: () => store.users.list({ filter: (e) => e.data.active, sortBy: (e) => Number(e.id) }),
    get: (id) => store.users.get(id),
    create: (input) => store.createUser(input),
    update: (id, input) => store.updateUser(id, input),
    remove: (id, req, fake) => {
      const current = store.users.get(id);
      if (!current?.data.active) return undefined;
      // A lying vendor: the answer says deleted, the record stays.
      const entry = fake ? { ...current, data: { ...current.data, active: false } } : store.deleteUser(id)!;
      return { status: 200, body: { user: renderUser(entry, req.baseUrl) } };
    },
    render: renderUser,
    echo: (entry) => ({ email: entry.data.email }),
  });
}
