import type { AuthHook } from './auth.js';
import { SandboxHttpError } from './http-error.js';
import type { RateLimiter } from './rate-limit.js';
import type { BodyProblem } from './request.js';
import { mergeHeaders } from './respond.js';
import type { SandboxHandler, SandboxRequest, SandboxResponse } from './types.js';

/** A registered route: its handler and whether it skips the auth hook (OAuth token endpoints). */
export interface RouteEntry {
  handler: SandboxHandler;
  public: boolean;
}

export interface PipelineHooks {
  auth: AuthHook<unknown> | undefined;
  limiters: readonly RateLimiter[];
  notFound: (req: SandboxRequest) => SandboxResponse;
  invalidBody: (req: SandboxRequest, problem: BodyProblem) => SandboxResponse;
}

/**
 * Auth, then rate limits, then the handler. Auth comes first so limits can be keyed by the
 * principal and unauthenticated noise does not eat a tenant's quota; an unknown path is answered
 * after both, as real APIs answer 401 before they admit what exists. Faults run before all of
 * this (in the server) so an injected 429 or 503 never consumes quota.
 */
export async function runPipeline(
  hooks: PipelineHooks,
  req: SandboxRequest,
  route: RouteEntry | undefined,
  problem: BodyProblem | undefined,
): Promise<{ response: SandboxResponse; error?: string }> {
  const limitHeaders: Record<string, string> = {};
  try {
    if (hooks.auth && !route?.public) {
      const result = await hooks.auth(req);
      if (!result.ok) return { response: result.response };
      req.auth = result.principal;
    }
    for (const limiter of hooks.limiters) {
      if (!limiter.applies(req)) continue;
      const state = limiter.take(req);
      Object.assign(limitHeaders, limiter.options.headers(state));
      if (state.limited) return { response: withHeaders(limiter.options.onLimited(state), limitHeaders) };
    }
    let response: SandboxResponse;
    if (problem) response = hooks.invalidBody(req, problem);
    else if (!route) response = hooks.notFound(req);
    else response = await route.handler(req);
    return { response: withHeaders(response, limitHeaders) };
  } catch (error) {
    if (error instanceof SandboxHttpError) return { response: withHeaders(error.toResponse(), limitHeaders) };
    // A bug in a sandbox must be loud: the message lands in the answer and the request log.
    const message = error instanceof Error ? error.message : String(error);
    return { response: { status: 500, body: { message: `Sandbox handler failed: ${message}` } }, error: message };
  }
}

/** Rate-limit headers go under the handler's own, which win on a clash. */
function withHeaders(response: SandboxResponse, headers: Record<string, string>): SandboxResponse {
  return { ...response, headers: mergeHeaders(headers, response.headers) };
}
