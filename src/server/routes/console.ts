/**
 * Serves the built web console (console/dist) at `/`, with an SPA fallback: any GET that is not
 * an API, admin or health path and names no file answers index.html, so deep links and reloads
 * work. API paths fall through to the API-key check and the JSON 404. When the console was never built, `/` says how
 * to build it instead of failing.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../app.js';

/** @default `<repo>/console/dist` */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist', import.meta.url));

const NOT_CONSOLE = /^\/(api|admin)(\/|$)|^\/health\/?$/;

/** The console is a static bundle talking to this origin's API only. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Forgeworks console not built</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The console is not built</h1><p>Run <code>npm run build:console</code> and reload. The API is up at <code>/api/v1</code>.</p></body></html>`;

/** The file under `root` a URL path names, or null (a directory, a missing file, or outside root). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes('\0')) return null;
  const target = resolve(root, `.${decoded}`);
  const rel = relative(root, target);
  if (!rel || rel.startsWith('..') || rel.split(sep).some((part) => part.startsWith('.'))) return null;
  try { return statSync(target).isFile() ? rel.split(sep).join('/') : null; } catch { return null; }
}

export function consoleRoutesFrom(root: string): RouteModule {
  return async (app: FastifyInstance) => {
    const built = existsSync(resolve(root, 'index.html'));
    if (built) await app.register(fastifyStatic, { root, serve: false, dotfiles: 'deny', index: false });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0]!;
      if (NOT_CONSOLE.test(path)) return reply.callNotFound();
      if (!built) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
      const file = fileFor(root, path);
      if (file && file !== 'index.html') {
        // Vite fingerprints everything under assets/, so those may be cached for good.
        const immutable = file.startsWith('assets/');
        return reply.sendFile(file, { maxAge: immutable ? '365d' : 0, immutable, cacheControl: true });
      }
      // A missing file (a stale tab asking for an old bundle) is a 404, not the page: console
      // routes never contain a dot in their last segment.
      if (/\.[A-Za-z0-9]+$/.test(path) && !path.endsWith('/index.html')) return reply.callNotFound();
      void reply.headers(SECURITY_HEADERS).header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    };
    // Not marked public: API paths that reach here still pass the API-key check first (401 before 404).
    app.get('/', handler);
    app.get('/*', handler);
  };
}

/** Register with `buildServer(deps, [consoleRoutes])` or `app.register(...)`; last, after the API. */
export const consoleRoutes: RouteModule = consoleRoutesFrom(CONSOLE_DIST);
