/**
 * The one generic handler every admin-defined HTTP connector runs through: skip when disabled,
 * unconfigured or opted out (silently, recorded); validate inputs against the action's schema;
 * render the URL template safely; apply the auth type; call through the executor, whose egress
 * guard checks HTTPS, private addresses, the connector's allowed domains and the org allowlist.
 */
import { ConnectorError, createHttpExecutor, type ConnectorResponse, type Logger, type RequestAuthorizer } from '../core/index.js';
import { apiKey, basic, bearer } from '../credentials/strategies/index.js';
import { checkUrl, isEgressError } from '../core/egress/index.js';
import { compileBodySchema, type HttpConnectorDefinition } from './definition.js';
import type { SettingState } from './settings.js';
import { renderTemplate, TemplateError } from './template.js';

export type ActionOutcome =
  | { status: 'skipped_disabled' | 'skipped_unconfigured' | 'skipped_opted_out' }
  | { status: 'ran'; response: ConnectorResponse };

export interface RunActionInput {
  definition: HttpConnectorDefinition;
  actionId: string;
  inputs: Record<string, unknown>;
  /** The workspace's setting for this connector; unused for auth_type none. */
  setting: SettingState | null;
  orgAllowlist?: string[];
  logger?: Logger;
  /**
   * The sandbox policy: after every check on the real URL, send it to this loopback origin
   * instead (as built-in connectors do with their sandboxes). @default undefined
   */
  sandboxOrigin?: string;
  /** Whose call this is: the circuit breaker is per workspace, so one tenant's failures never block another's. */
  workspaceId?: string;
  /** DNS resolver for the egress guard (tests). @default the system resolver */
  resolver?: import('../core/egress/index.js').Resolver;
}

function authFor(definition: HttpConnectorDefinition, config: Record<string, string>): RequestAuthorizer | undefined {
  const secret = (i = 0) => config[definition.auth_schema.fields.filter((f) => f.secret)[i]?.name ?? ''] ?? '';
  switch (definition.auth_type) {
    case 'none': return undefined;
    case 'bearer':
    case 'oauth2': return bearer({ token: secret() });
    case 'basic': return basic({ username: config.username ?? secret(0), password: config.password ?? secret(1) });
    case 'api_key': {
      const where = definition.auth_config ?? { in: 'header' as const, name: 'X-API-Key', prefix: '' };
      return where.in === 'query' ? apiKey({ placement: 'query', key: secret(), name: where.name }) : apiKey({ placement: 'header', key: secret(), name: where.name, prefix: where.prefix });
    }
  }
}

function refused(message: string, fields: Array<{ field: string; message: string }>): ActionOutcome {
  const error = new ConnectorError(message, { kind: 'validation', fields });
  return { status: 'ran', response: { ok: false, status: 0, latencyMs: 0, body: undefined, error, headers: {}, attempts: 0 } };
}

export async function runHttpAction(input: RunActionInput): Promise<ActionOutcome> {
  const { definition } = input;
  if (!definition.enabled) return { status: 'skipped_disabled' };
  let config: Record<string, string> = {};
  if (definition.auth_type !== 'none') {
    if (!input.setting || input.setting.state === 'unconfigured') return { status: 'skipped_unconfigured' };
    if (input.setting.state === 'opted_out') return { status: 'skipped_opted_out' };
    config = input.setting.config;
  }
  const action = definition.actions.find((a) => a.action_id === input.actionId);
  if (!action) return refused(`${definition.connector_id} has no action "${input.actionId}"`, [{ field: 'action_id', message: 'unknown action' }]);
  const validate = compileBodySchema(action.body_schema);
  if (!validate(input.inputs)) {
    const fields = (validate.errors ?? []).map((e) => ({ field: (e.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(e.params?.missingProperty ?? '(inputs)')), message: e.message ?? 'invalid' }));
    return refused(`inputs do not match ${action.action_id}'s schema: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
  }
  let url: URL;
  try {
    url = renderTemplate(action.url_template, input.inputs, definition.allowed_domains);
  } catch (error) {
    if (error instanceof TemplateError) return refused(error.message, [{ field: 'url_template', message: error.message }]);
    throw error;
  }
  // The layered pre-flight on the real URL: HTTPS, no IP literal, the connector's domains, the org's.
  try {
    checkUrl(url, { allowedDomains: definition.allowed_domains, orgAllowlist: input.orgAllowlist?.length ? input.orgAllowlist : undefined });
  } catch (error) {
    if (!isEgressError(error)) throw error;
    const blocked = new ConnectorError(`refused before any call: ${error.message}`, { kind: 'permanent', code: `egress_${error.reason}` });
    return { status: 'ran', response: { ok: false, status: 0, latencyMs: 0, body: undefined, error: blocked, headers: {}, attempts: 0 } };
  }
  if (input.sandboxOrigin) url = new URL(url.pathname + url.search, input.sandboxOrigin);
  const used = new Set([...action.url_template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  const body = Object.fromEntries(Object.entries(input.inputs).filter(([k]) => !used.has(k)));
  const executor = createHttpExecutor({
    connectorId: definition.connector_id, connectionKey: `http:${definition.connector_id}:${input.workspaceId ?? 'platform'}`, logger: input.logger,
    egress: { allowedDomains: definition.allowed_domains, orgAllowlist: input.orgAllowlist?.length ? input.orgAllowlist : undefined, allowLoopback: Boolean(input.sandboxOrigin), resolver: input.resolver },
    auth: authFor(definition, config), secrets: Object.values(config),
    errorParser: ({ body: b }) => (b && typeof b === 'object' && 'message' in b ? { message: String((b as { message: unknown }).message) } : undefined),
  });
  const response = await executor.request({
    method: action.http_method, url: url.toString(),
    json: action.http_method === 'GET' || action.http_method === 'DELETE' || Object.keys(body).length === 0 ? undefined : body,
  });
  return { status: 'ran', response };
}
