/**
 * Inbound deliveries from chat vendors: `POST /hooks/messaging/:connectionId` (Slack Events API
 * request URL, Graph notification URL). The body is kept as received, bytes for bytes, because
 * signatures are computed over it; the connector's capture decides everything else.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiServices } from '../route-spec.js';

export function messagingHookRoutes(services: ApiServices) {
  return async (app: FastifyInstance) => {
    await app.register(async (scope) => {
      // Raw text for every content type in this scope only; the API keeps its JSON parser.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
      scope.post('/hooks/messaging/:connectionId', { config: { public: true } }, async (request, reply) => {
        const { connectionId } = request.params as { connectionId: string };
        if (!services.hub || !z.guid().safeParse(connectionId).success) {
          return reply.status(404).send({ error: { code: 'not_found', message: 'no chat connection here' } });
        }
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]));
        const answer = await services.hub.inbound(connectionId, {
          method: request.method, headers, query: request.query as Record<string, string>,
          rawBody: typeof request.body === 'string' ? request.body : '', receivedAtMs: Date.now(),
        });
        return reply.status(answer.status).type(answer.contentType).send(answer.body);
      });
    });
  };
}
