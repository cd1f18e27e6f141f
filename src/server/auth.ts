/**
 * API-key authentication for every route except those marked `config: { public: true }`.
 * The principal carries role and tenant; routes scope every query by it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { authenticateApiKey, type Principal, type Role } from './api-keys.js';
import { ApiError, forbidden } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public || !request.url.startsWith('/api/') && !request.url.startsWith('/admin/')) return;
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new ApiError(401, 'unauthenticated', 'send an API key as "Authorization: Bearer <key>"');
    const principal = await authenticateApiKey(db, match[1]!);
    if (!principal) throw new ApiError(401, 'unauthenticated', 'the API key is unknown or revoked');
    request.principal = principal;
  });
}

const RANK: Record<Role, number> = { workspace_member: 1, org_admin: 2, platform_admin: 3 };

/** The authenticated principal, refused unless its role is at least `role`. */
export function requireRole(request: FastifyRequest, role: Role): Principal {
  const principal = request.principal;
  if (!principal) throw new ApiError(401, 'unauthenticated', 'an API key is required');
  if (RANK[principal.role] < RANK[role]) throw forbidden();
  return principal;
}
