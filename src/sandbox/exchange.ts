import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type Router from 'find-my-way';
import type { Clock } from './clock.js';
import type { FaultInjector, FaultRule } from './faults.js';
import { runPipeline, type PipelineHooks, type RouteEntry } from './pipeline.js';
import { buildRequest, readBody } from './request.js';
import { resetConnection, send, sendTruncated } from './respond.js';
import type { RecordedRequest, SandboxRequest } from './types.js';

/** What one request needs from its server. */
export interface ExchangeContext {
  name: string;
  baseUrl: string;
  router: Router.Instance<Router.HTTPVersion.V1>;
  faults: FaultInjector;
  hooks: PipelineHooks;
  clock: Clock;
  log: RecordedRequest[];
  /** Aborted by stop(): pending delays end and nothing more is written. */
  signal: AbortSignal;
}

/**
 * One request from arrival to answer: record it, draw faults, then auth, limits and handler.
 * Faults come first so an injected 429 or 503 never consumes quota and a reset happens before
 * any work, unless the rule asks for `afterHandler`.
 */
export async function handleExchange(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let entry: RecordedRequest | undefined;
  try {
    const rawBody = await readBody(req);
    const { request, problem } = buildRequest(req, rawBody, ctx.baseUrl);
    const found = ctx.router.find(request.method as Router.HTTPMethod, request.path);
    const route = found?.store as RouteEntry | undefined;
    if (found) request.params = definedOnly(found.params);
    entry = record(ctx, request);

    const { latencyMs, fault } = ctx.faults.draw(request);
    if (fault) entry.fault = fault.kind;
    if (latencyMs > 0) await delay(latencyMs, undefined, { signal: ctx.signal });
    if (fault && !fault.afterHandler && fault.kind !== 'truncate') return applyFault(fault, res, entry);

    const { response, error } = await runPipeline(ctx.hooks, request, route, problem);
    if (error !== undefined) entry.error = error;
    if (ctx.signal.aborted) return;
    if (fault?.kind === 'truncate') {
      entry.status = response.status;
      return sendTruncated(res, response);
    }
    if (fault) return applyFault(fault, res, entry);
    entry.status = response.status;
    send(res, response);
  } catch (error) {
    // stop() aborted a delay, or the client left mid-body: nobody is left to answer.
    if (ctx.signal.aborted || req.destroyed) return;
    if (entry) entry.status = 500;
    send(res, { status: 500, body: { message: `${ctx.name} sandbox failed: ${String(error)}` } });
  }
}

function applyFault(fault: FaultRule, res: ServerResponse, entry: RecordedRequest): void {
  if (fault.kind === 'reset') return resetConnection(res);
  // A hang holds the socket open without a word; stop() or the client's timeout ends it.
  if (fault.kind === 'hang') return;
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  const status = fault.status ?? 503;
  entry.status = status;
  send(res, { status, headers, body: fault.body ?? { message: 'Injected fault' } });
}

function record(ctx: ExchangeContext, request: SandboxRequest): RecordedRequest {
  const { method, path, url, query, headers, body, rawBody } = request;
  const logged = body !== undefined ? body : rawBody.length > 0 ? rawBody.toString('utf8') : undefined;
  const entry: RecordedRequest = { method, path, url, query, headers, body: logged, status: undefined, time: ctx.clock.now() };
  ctx.log.push(entry);
  return entry;
}

function definedOnly(params: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) out[name] = value;
  return out;
}
