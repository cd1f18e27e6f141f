/**
 * Builds the `ctx` a connector runs with: the executor (egress policy from the definition and the
 * org, auth from the stored secrets, the vendor's limits and error parser), the config, a scrubbed
 * logger. Used by the runtime for stored connections and by tests against sandboxes.
 */
import type { Logger } from '../core/index.js';
import { createHttpExecutor, silentLogger, type EgressPolicy, type HttpExecutor, type RateLimiter, type VendorErrorParser, type VendorOutcomeClassifier } from '../core/index.js';
import { fillTemplate, strategyForMethod } from '../credentials/strategy-for-method.js';
import type { FetchToken } from '../credentials/strategies/index.js';
import type { CredentialBackend } from '../credentials/backend.js';
import type { ConnectorContext, ConnectorDefinition, TenantRef } from '../registry/index.js';

export interface ContextInput {
  definition: ConnectorDefinition;
  authMethodId: string;
  config: Record<string, unknown>;
  /** Reads the secrets at the moment of use. */
  secrets: () => Promise<Record<string, string>>;
  tenant: TenantRef;
  /** The org's allowlist (Settings → Integrations), when it set one. */
  orgAllowlist?: string[];
  /** A sandbox base URL on loopback; honoured only when `allowSandbox` (the platform's explicit policy). */
  sandboxBaseUrl?: string;
  allowSandbox?: boolean;
  rateLimiter?: RateLimiter;
  logger?: Logger;
  signal?: AbortSignal;
  /** Where a refreshed OAuth token set is written back (single-flight across workers). */
  store?: CredentialBackend;
}

export interface BuiltContext {
  ctx: ConnectorContext;
  /** Token-endpoint calls through the executor (egress guard, sandbox routing), for OAuth flows. */
  fetchToken: FetchToken;
  /** Every secret value of this connection, for scrubbing whatever the run writes. */
  secrets: string[];
}

export async function buildConnectorContext(input: ContextInput): Promise<BuiltContext> {
  const { definition } = input;
  const method = definition.auth.find((m) => m.id === input.authMethodId);
  if (!method) throw new Error(`${definition.id} has no auth method "${input.authMethodId}"`);
  if (input.sandboxBaseUrl && !input.allowSandbox) {
    throw new Error('this is a sandbox connection: it reaches loopback, which needs the sandbox egress policy (FORGE_SANDBOX_EGRESS=1, or forge serve --demo)');
  }
  const useSandbox = Boolean(input.sandboxBaseUrl);
  const egress: EgressPolicy = { allowedDomains: definition.allowedDomains, orgAllowlist: input.orgAllowlist, allowLoopback: useSandbox };
  const baseUrl = useSandbox ? input.sandboxBaseUrl! : fillTemplate(definition.baseUrl, input.config);
  const secrets = await input.secrets();
  const secretValues = Object.values(secrets).filter((v) => typeof v === 'string' && v.length > 0);
  const logger = (input.logger ?? silentLogger).child({ workspace: input.tenant.workspaceId, connection: input.tenant.connectionId });
  const common = {
    connectorId: definition.id, connectionKey: input.tenant.connectionId, egress, logger, secrets: secretValues,
    timeoutMs: definition.timeoutMs, resetHeader: definition.resetHeader, idempotencyHeader: definition.idempotencyHeader, defaultHeaders: definition.defaultHeaders,
    errorParser: definition.errorParser as VendorErrorParser | undefined, classifyOutcome: definition.classifyOutcome as VendorOutcomeClassifier | undefined,
    signal: input.signal,
  };
  // Token endpoints go through an executor too: same egress guard, timeout and scrubbing.
  const tokenHttp = createHttpExecutor({ ...common, errorParser: undefined, classifyOutcome: undefined });
  const fetchToken: FetchToken = async (url, form, headers) => {
    const target = useSandbox ? new URL(new URL(url).pathname + new URL(url).search, input.sandboxBaseUrl).toString() : url;
    const res = await tokenHttp.request({ method: 'POST', url: target, form, headers, authenticate: false, retry: { maxAttempts: 3 } });
    if (res.status === 0 && res.error) throw res.error;
    return { status: res.status, body: res.body };
  };
  const auth = strategyForMethod({ method, secrets, config: input.config, fetchToken, store: input.store, ref: input.tenant, logger });
  const rateLimit = definition.rateLimit ? { requests: definition.rateLimit.requests, windowMs: definition.rateLimit.windowMs } : undefined;
  const http: HttpExecutor = createHttpExecutor({
    ...common, baseUrl, auth, rateLimit, rateLimiter: input.rateLimiter,
    rateLimitKey: definition.rateLimit?.scope === 'connector' ? definition.id : `${definition.id}:${input.tenant.connectionId}`,
  });
  const ctx: ConnectorContext = {
    http, config: input.config, credentials: input.secrets, tenant: input.tenant, logger,
    signal: input.signal ?? new AbortController().signal,
  };
  return { ctx, fetchToken, secrets: [...secretValues, ...(auth?.secrets() ?? [])] };
}
