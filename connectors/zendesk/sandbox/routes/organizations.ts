/**
 * Organizations (developer.zendesk.com/api-reference/ticketing/organizations/organizations):
 * the shared resource routes plus search by `name` or `external_id`. A delete is final: 204 with
 * no body, and a read afterwards answers 404.
 */
import { fail, invalidParameter } from '../errors.js';
import { renderOrganization } from '../render.js';
import { on, type RouteContext } from '../routing.js';
import { registerResourceRoutes } from './resource.js';

export function registerOrganizationRoutes(ctx: RouteContext): void {
  const { store } = ctx;
  on(ctx, 'GET', '/api/v2/organizations/search', (req) => {
    const { name, external_id: externalId } = req.query;
    if (name === undefined && externalId === undefined) fail(invalidParameter('name', 'Search by name or external_id'));
    const organizations = store.organizations.list({
      filter: (e) => (name !== undefined ? e.data.name.toLowerCase() === name.toLowerCase() : e.data.external_id === externalId),
    }).map((e) => renderOrganization(e, req.baseUrl));
    return { status: 200, body: { organizations, next_page: null, previous_page: null, count: organizations.length } };
  });

  registerResourceRoutes(ctx, {
    plural: 'organizations', singular: 'organization',
    live: () => store.organizations.list({ sortBy: (e) => Number(e.id) }),
    get: (id) => store.organizations.get(id),
    create: (input) => store.createOrganization(input),
    update: (id, input) => store.updateOrganization(id, input),
    remove: (id, _req, fake) => {
      if (!store.organizations.get(id)) return undefined;
      if (!fake) store.deleteOrganization(id);
      return { status: 204 };
    },
    render: renderOrganization,
    echo: () => ({}),
  });
}
