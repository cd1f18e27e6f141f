import type { FastifyInstance } from 'fastify';
import { buildServer } from '../server/index.js';
import { consoleRoutes } from '../server/routes/console.js';
import { oauthCallbackRoute } from '../server/routes/oauth.js';
import { messagingHookRoutes } from '../server/routes/messaging-hooks.js';
import { webhookRoutes } from '../server/routes/webhooks.js';
import type { ApiServices } from '../server/route-spec.js';
import { startDemo, type DemoSandboxes } from '../runtime/demo.js';
import { ensureAdminKey, readConfig, startRuntime, type PlatformConfig, type Runtime } from '../runtime/index.js';

export interface RunningPlatform {
  runtime: Runtime;
  app: FastifyInstance;
  url: string;
  demo?: DemoSandboxes;
  stop(): Promise<void>;
}

/** API, console and worker in one process, on one port. */
export async function servePlatform(overrides: Partial<PlatformConfig> = {}, env: NodeJS.ProcessEnv = process.env): Promise<RunningPlatform> {
  const config = readConfig(env, overrides);
  const runtime = await startRuntime(config, { worker: true });
  const { db, pool } = runtime.database;
  const firstKey = await ensureAdminKey(db, config.adminKey);
  if (firstKey) {
    // Printed once, to the terminal only: it is not in the log and cannot be shown again.
    process.stdout.write(`\n  Platform admin API key (shown once, store it now):\n  ${firstKey}\n\n`);
  }
  const demo = config.demo ? await startDemo(runtime) : undefined;
  const services: ApiServices = { pool, connections: runtime.connections, loads: runtime.loads, boss: runtime.boss, httpConnectors: runtime.httpConnectors, settings: runtime.settings, allowSandbox: config.sandboxEgress, keys: runtime.keys, credentials: runtime.credentials, hub: runtime.hub };
  const app = await buildServer({ db, registry: runtime.registry, logger: runtime.logger, ping: async () => { await pool.query('select 1'); }, services }, [oauthCallbackRoute(services, { registry: runtime.registry }), webhookRoutes(services), messagingHookRoutes(services), consoleRoutes]);
  const address = await app.listen({ port: config.port, host: config.host });
  runtime.hub.publicUrl ??= address;
  runtime.logger.info({ url: address }, 'Forgeworks is up');
  return {
    runtime, app, url: address,
    demo,
    stop: async () => {
      await app.close();
      await demo?.stop();
      await runtime.close();
    },
  };
}
