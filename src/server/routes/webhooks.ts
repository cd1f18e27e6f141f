/**
 * Inbound webhooks for automations with a webhook trigger: `POST /hooks/automations/:id` with
 * `Authorization: Bearer <token>` and `{workspace_id, data}`. The token is compared by hash in
 * constant time; the workspace must belong to the automation's org. Answers 202 once queued.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { runAutomationJob, type AutomationJob } from '../../http-connectors/index.js';
import { silentLogger } from '../../core/index.js';
import { enqueueAutomationJob } from '../../orchestration/index.js';
import type { ApiServices } from '../route-spec.js';

const bodySchema = z.object({ workspace_id: z.guid(), data: z.record(z.string(), z.unknown()).default({}) });

export function webhookRoutes(services: ApiServices) {
  return async (app: FastifyInstance) => {
    app.post('/hooks/automations/:automationId', { config: { public: true } }, async (request, reply) => {
      const { automationId } = request.params as { automationId: string };
      const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const refuse = () => reply.status(404).send({ error: { code: 'not_found', message: 'no webhook here, or the token is wrong' } });
      if (!z.guid().safeParse(automationId).success) return refuse();
      const { rows } = await services.pool.query<{ org_id: string; trigger: { type: string; tokenHash?: string }; enabled: boolean }>(
        'select org_id, trigger, enabled from automations where id = $1', [automationId]);
      const automation = rows[0];
      const expected = automation?.trigger.type === 'webhook' ? automation.trigger.tokenHash ?? '' : '';
      const actual = createHash('sha256').update(presented).digest('hex');
      // Unknown automation and wrong token answer alike: existence does not leak.
      if (!automation || !expected || expected.length !== actual.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(actual))) return refuse();
      const parsed = bodySchema.safeParse(request.body);
      if (!parsed.success) {
        return reply.status(400).send({ error: { code: 'validation', message: 'invalid webhook body', fields: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })) } });
      }
      const { rowCount } = await services.pool.query('select 1 from workspaces where id = $1 and org_id = $2', [parsed.data.workspace_id, automation.org_id]);
      if (rowCount !== 1) return refuse();
      if (!automation.enabled) return reply.status(202).send({ accepted: false, reason: 'the automation is disabled' });
      const job: AutomationJob = { automationId, event: { workspaceId: parsed.data.workspace_id, data: parsed.data.data } };
      if (services.boss) await enqueueAutomationJob(services.boss, job);
      else if (services.httpConnectors && services.settings) {
        await runAutomationJob({ pool: services.pool, connectors: services.httpConnectors, settings: services.settings, logger: silentLogger, allowSandbox: services.allowSandbox }, job);
      }
      return reply.status(202).send({ accepted: true });
    });
  };
}
