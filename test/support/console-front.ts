/**
 * The console for browser tests: built with vite into a directory of the test's own (so two test
 * files building at once never empty each other's console/dist), and served by consoleRoutesFrom
 * on a front server that hands every other request (API, admin, webhooks) to the platform.
 */
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { build } from 'vite';
import { consoleRoutesFrom } from '../../src/server/routes/console.js';

export async function buildConsoleInto(outDir: string): Promise<void> {
  // vitest sets NODE_ENV=test, which would give a development React build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve('console/vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Serves the console built in `dist` and proxies every other request to `platformUrl`. */
export async function startConsoleFront(dist: string, platformUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const front: FastifyInstance = Fastify();
  front.removeAllContentTypeParsers();
  front.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  front.setNotFoundHandler(async (request, reply) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
    // The API speaks JSON only, so the body travels as text.
    const body = request.body instanceof Buffer && request.body.length > 0 ? request.body.toString('utf8') : undefined;
    const answer = await fetch(`${platformUrl}${request.url}`, { method: request.method, headers, body });
    const contentType = answer.headers.get('content-type');
    if (contentType) void reply.header('content-type', contentType);
    return reply.status(answer.status).send(Buffer.from(await answer.arrayBuffer()));
  });
  await front.register(async (scope) => consoleRoutesFrom(dist)(scope));
  await front.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(front.server.address() as { port: number }).port}`, close: () => front.close() };
}
