/**
 * OAuth 2.0 authorization code with PKCE and state: `authorize` hands the browser the vendor's
 * URL (the app's client id and secret come from the connection's stored credentials), and the
 * public callback completes the flow, then sends the browser back to the console. Every check
 * (state single-use and unexpired, the code exchange) lives in src/credentials/oauth.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scrubGeneric } from '../../core/scrub.js';
import { beginAuthorization, completeAuthorization } from '../../credentials/oauth/index.js';
import { stateKey } from '../../credentials/oauth/states.js';
import { ApiError } from '../errors.js';
import { defineRoute, type AnyRouteSpec, type ApiServices } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';

export const CALLBACK_PATH = '/oauth/callback';

function callbackUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${CALLBACK_PATH}`;
}

function oauthServices(services: ApiServices) {
  if (!services.keys || !services.credentials) throw new ApiError(503, 'unavailable', 'OAuth is not available on this server');
  return { keys: services.keys, credentials: services.credentials };
}

const authorize = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/authorize', operationId: 'authorizeConnection', tag: 'connections',
  access: 'workspace_member', audit: 'connection.authorize', summary: "Start the vendor's OAuth consent: answers the URL to send the browser to",
  params: z.object({ workspaceId: idSchema, connectionId: idSchema }), response: z.object({ authorizeUrl: z.string(), expiresAt: z.string() }),
  async handler({ services, scope, request, deps, audit }) {
    const { keys, credentials } = oauthServices(services);
    const connection = scope.connection!;
    const method = deps.registry.get(connection.connector_id).auth.find((m) => m.id === connection.auth_method);
    if (!method || method.type !== 'oauth2_authorization_code') throw new ApiError(400, 'validation', 'this connection does not authenticate with OAuth', [{ field: 'authMethod', message: 'is not an OAuth 2.0 authorization-code method' }]);
    const stored = await credentials.read({ workspaceId: connection.workspace_id, connectionId: connection.id });
    const clientId = stored?.secrets.clientId;
    if (!clientId) throw new ApiError(400, 'validation', "the app's client id is not stored for this connection", [{ field: 'credentials.clientId', message: 'is required' }]);
    const { sandboxBaseUrl, ...config } = connection.config;
    const started = await beginAuthorization({
      pool: services.pool, keys, method, connection: { workspaceId: connection.workspace_id, connectionId: connection.id }, redirectUri: callbackUrl(request), clientId, config,
    });
    // A sandbox connection consents at its sandbox, not at the vendor.
    const url = typeof sandboxBaseUrl === 'string' && services.allowSandbox ? new URL(new URL(started.url).pathname + new URL(started.url).search, sandboxBaseUrl).toString() : started.url;
    await audit({ target: `connection:${connection.id}` });
    return { authorizeUrl: url, expiresAt: started.expiresAt.toISOString() };
  },
});

export const oauthRoutes: AnyRouteSpec[] = [authorize];

function page(title: string, message: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><body style="font-family:system-ui;margin:3rem"><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Back to Forgeworks</a></p>`;
}

/** The public callback the vendor redirects to; a RouteModule registered beside the API. */
export function oauthCallbackRoute(services: ApiServices, deps: { registry: import('../../registry/index.js').ConnectorRegistry }) {
  return async (app: FastifyInstance) => {
    app.get(CALLBACK_PATH, { config: { public: true } }, async (request, reply) => {
      const query = request.query as { state?: string; code?: string; error?: string; error_description?: string };
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      try {
        const { keys, credentials } = oauthServices(services);
        if (query.error) throw new Error(`the vendor answered ${query.error}${query.error_description ? `: ${query.error_description}` : ''}`);
        const { rows } = await services.pool.query<{ connection_id: string }>('select connection_id from oauth_states where state = $1', [stateKey(query.state ?? '')]);
        if (!rows[0]) throw new Error('state mismatch: no pending authorization has this state (unknown, or already used); start the connection again');
        const { ctx, fetchToken, definition } = await services.connections.contextFor(rows[0].connection_id);
        const { rows: conn } = await services.pool.query<{ auth_method: string }>('select auth_method from connections where id = $1', [rows[0].connection_id]);
        const method = definition.auth.find((m) => m.id === conn[0]?.auth_method)!;
        const stored = await credentials.read(ctx.tenant);
        const result = await completeAuthorization({
          store: credentials, keys, method, state: query.state, code: query.code, clientId: stored?.secrets.clientId ?? '', clientSecret: stored?.secrets.clientSecret,
          fetchToken, config: ctx.config, expected: ctx.tenant,
        });
        void deps;
        return reply.redirect(`/connections/${result.connection.connectionId}?connected=1`);
      } catch (error) {
        return reply.status(400).send(page('The connection was not authorised', scrubGeneric((error as Error).message)));
      }
    });
  };
}
