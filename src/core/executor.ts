/**
 * The one HTTP executor every connector call goes through: egress guard, auth, timeout, retry,
 * breaker, rate limit, envelope, scrub. It never throws for a vendor failure; it answers the
 * envelope with a classified ConnectorError.
 */
import { BrokenCircuitError, IsolatedCircuitError } from 'cockatiel';
import { DEFAULT_BREAKER_OPTIONS, sharedBreakers, TransientOutcome } from './breaker.js';
import { classifyOutcome, type Classified } from './classify.js';
import { egressDispatcherFor } from './dispatcher-cache.js';
import { checkUrlWith, compilePolicy, EgressError, type CompiledPolicy } from './egress/index.js';
import { ConnectorError, isConnectorError } from './errors.js';
import type { ExecutorOptions } from './executor-options.js';
import { sendAttempt } from './http-attempt.js';
import { attemptDeadline } from './attempt-signal.js';
import type { HttpRequest, OutgoingRequest } from './http-types.js';
import { silentLogger } from './logger.js';
import { sleep } from './rate-limiter.js';
import type { ConnectorResponse } from './response.js';
import { DEFAULT_RETRY_POLICY, nextDelayMs, type RetryPolicy } from './retry-policy.js';
import { createScrubber, type Scrubber } from './scrub.js';
import { buildUrl, encodeBody } from './request-encoding.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export class HttpExecutor {
  private readonly logger;

  private readonly dispatcher;
  /** Compiled once: the pre-flight check runs on every call. */
  private readonly policy: CompiledPolicy;
  private readonly defaultHeaders: Record<string, string>;

  constructor(readonly options: ExecutorOptions) {
    this.logger = (options.logger ?? silentLogger).child({ connector: options.connectorId, connection: options.connectionKey });
    this.dispatcher = egressDispatcherFor(options.egress);
    this.policy = compilePolicy(options.egress);
    this.defaultHeaders = lower(options.defaultHeaders);
  }

  private cachedScrubber: { key: string; scrub: Scrubber } | undefined;
  /**
   * Secrets the strategy held at some call (a session or token since invalidated or rotated):
   * a vendor may still echo them, so they stay scrubbed. Bounded, oldest dropped first.
   */
  private readonly seenSecrets = new Set<string>();

  /** Origins that passed the full pre-flight check under this executor's (fixed) policy. */
  private readonly checkedOrigins = new Set<string>();

  /**
   * The egress pre-flight, with a fast path: a URL whose origin (scheme, host, port) already
   * passed gets the same verdict, so only the cheap checks that depend on the rest of the string
   * (backslashes, control characters, user info) run again. DNS is still checked at connect time.
   */
  private checked(raw: string): URL {
    if (!/[\\\u0000-\u001f\u007f@]/.test(raw)) {
      const url = new URL(raw);
      if (this.checkedOrigins.has(url.origin)) return url;
    }
    const url = checkUrlWith(raw, this.policy);
    if (this.checkedOrigins.size < 256) this.checkedOrigins.add(url.origin);
    return url;
  }

  private remember(secrets: string[]): void {
    for (const secret of secrets) {
      if (this.seenSecrets.has(secret)) continue;
      this.seenSecrets.add(secret);
      if (this.seenSecrets.size > 64) this.seenSecrets.delete(this.seenSecrets.values().next().value!);
    }
  }

  /** A scrubber for every secret this executor knows (rebuilt only when a token changes). */
  scrubber(): Scrubber {
    const secrets = [...(this.options.secrets ?? []), ...(this.options.auth?.secrets() ?? []), ...this.seenSecrets];
    const key = secrets.join('\u0000');
    if (this.cachedScrubber?.key !== key) this.cachedScrubber = { key, scrub: createScrubber(secrets) };
    return this.cachedScrubber.scrub;
  }

  async request<T = unknown>(req: HttpRequest<T>): Promise<ConnectorResponse<T>> {
    const started = performance.now();
    // Looked up when used, not now: a token or session the strategy obtains during the call
    // must be known to the scrubber by the time an error message is written.
    const scrub: Scrubber = (text) => this.scrubber()(text);
    const method = req.method ?? 'GET';
    const policy: RetryPolicy = req.retry === false ? { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } : { ...DEFAULT_RETRY_POLICY, ...this.options.retry, ...req.retry };
    const finish = (result: Omit<ConnectorResponse<T>, 'latencyMs'>): ConnectorResponse<T> => {
      const latencyMs = Math.round(performance.now() - started);
      if (result.error) this.logger.warn({ method, status: result.status, kind: result.error.kind, attempts: result.attempts, latencyMs }, scrub(result.error.message));
      return { ...result, latencyMs };
    };

    let url: URL;
    try {
      url = this.checked(buildUrl(this.options.baseUrl, req.url, req.query));
    } catch (error) {
      const message = error instanceof EgressError ? error.message : `invalid URL: ${(error as Error).message}`;
      return finish({ ok: false, status: 0, body: undefined, headers: {}, attempts: 0, error: new ConnectorError(scrub(message), { kind: 'permanent', code: 'egress_refused' }) });
    }
    // A POST or PATCH is retried after an ambiguous failure only when the vendor can dedupe it.
    const replayable = SAFE_METHODS.has(method) || req.idempotencyKey !== undefined || req.replayable === true;
    const breaker = (this.options.breakers ?? sharedBreakers).for(this.options.connectionKey, { ...DEFAULT_BREAKER_OPTIONS, ...this.options.breaker });

    let last: Classified<T> | undefined;
    let attempts = 0;
    for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
      attempts = attempt + 1;
      try {
        last = await breaker.execute(async () => {
          const outcome = await this.attempt(req, method, url, attempt);
          if (outcome.error?.kind === 'transient') throw new TransientOutcome(outcome);
          return outcome;
        });
      } catch (error) {
        if (error instanceof TransientOutcome) last = error.outcome as Classified<T>;
        else if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
          last = { status: 0, headers: {}, body: undefined, error: new ConnectorError(`circuit open for ${this.options.connectorId}: the vendor failed repeatedly, calls paused`, { kind: 'transient', code: 'circuit_open', retryAfterMs: this.options.breaker?.halfOpenAfterMs ?? DEFAULT_BREAKER_OPTIONS.halfOpenAfterMs }) };
          break;
        } else if (isConnectorError(error)) {
          // Raised by the auth strategy (a refused grant is permanent and flags re-auth): keep its kind.
          last = { status: error.status ?? 0, headers: {}, body: undefined, error };
        } else {
          last = { status: 0, headers: {}, body: undefined, error: new ConnectorError(scrub(`unexpected failure: ${(error as Error).message}`), { kind: 'transient', code: 'unexpected', cause: undefined }) };
        }
      }
      const error = last.error;
      // A refused credential: a cached token or session must not be reused by the next call.
      if (last.status === 401) this.options.auth?.invalidate?.();
      if (!error || error.kind !== 'transient') return finish({ ok: !error, status: last.status, body: last.body, headers: last.headers, attempts, error: error ? scrubError(error, scrub) : null });
      if (!replayable && !last.notProcessed) break;
      if (attempt + 1 >= policy.maxAttempts) break;
      const delay = nextDelayMs(attempt, policy, error.retryAfterMs, this.options.random);
      if (performance.now() - started + delay > policy.maxElapsedMs) break;
      this.logger.debug({ method, status: last.status, attempt: attempt + 1, delayMs: delay }, 'retrying a transient failure');
      try {
        await sleep(delay, anySignal(req.signal, this.options.signal));
      } catch {
        break;
      }
    }
    return finish({ ok: false, status: last?.status ?? 0, body: last?.body, headers: last?.headers ?? {}, attempts, error: scrubError(last!.error!, scrub) });
  }

  private async attempt<T>(req: HttpRequest<T>, method: string, url: URL, attempt: number): Promise<Classified<T>> {
    const { rateLimit, rateLimiter } = this.options;
    if (rateLimit && rateLimiter) await rateLimiter.acquire(this.options.rateLimitKey ?? `${this.options.connectorId}:${this.options.connectionKey}`, rateLimit, req.signal ?? this.options.signal);
    const encoded = encodeBody(req);
    // The checked URL is fresh per call; later attempts get a copy, since auth may edit it (query keys, SigV4).
    const outgoing: OutgoingRequest = { method, url: attempt === 0 ? url : new URL(url), headers: { ...this.defaultHeaders, ...lower(req.headers), ...encoded.headers }, body: encoded.body };
    if (req.idempotencyKey) outgoing.headers[(this.options.idempotencyHeader ?? 'Idempotency-Key').toLowerCase()] = req.idempotencyKey;
    if (req.authenticate !== false && this.options.auth) {
      await this.options.auth.authorize(outgoing);
      this.remember(this.options.auth.secrets());
      // A strategy may edit the URL (query keys, signatures); it may not move the call to another host.
      if (outgoing.url.origin !== url.origin) {
        try {
          this.checked(outgoing.url.toString());
        } catch (error) {
          throw new ConnectorError(`the auth strategy moved the call: ${(error as Error).message}`, { kind: 'permanent', code: 'egress_refused' });
        }
      }
    }
    const deadline = attemptDeadline(req.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, req.signal, this.options.signal);
    try {
      const outcome = await sendAttempt({
        // Lower-cased after auth: strategies may set 'Authorization', and redirects strip 'authorization'.
        method, url: outgoing.url, headers: lower(outgoing.headers), body: outgoing.body, deadline,
        dispatcher: this.dispatcher, egress: this.policy, maxRedirects: this.options.maxRedirects ?? 5,
      });
      return classifyOutcome(outcome, req, this.options);
    } finally {
      deadline.dispose();
    }
  }
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : AbortSignal.any(present);
}

function scrubError(error: ConnectorError, scrub: Scrubber): ConnectorError {
  return new ConnectorError(scrub(error.message), {
    kind: error.kind, status: error.status, code: error.code, retryAfterMs: error.retryAfterMs,
    fields: error.fields.map((f) => ({ field: f.field, message: scrub(f.message) })),
  });
}

export function createHttpExecutor(options: ExecutorOptions): HttpExecutor {
  return new HttpExecutor(options);
}
