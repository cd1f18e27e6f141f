/**
 * An admin-defined HTTP connector, as JSON: auth, actions (method, URL template, body schema),
 * allowed domains, and the enabled kill-switch. Validated in full at registration; a malformed
 * definition is refused with every bad path named.
 */
import { Ajv } from 'ajv';
import { z } from 'zod';
import { parseHostLiteral } from '../core/egress/index.js';
import { fieldSchema } from '../registry/fields.js';
import { analyseTemplate } from './template.js';

export const HTTP_AUTH_TYPES = ['none', 'api_key', 'bearer', 'basic', 'oauth2'] as const;

const ajv = new Ajv({ strict: false, allErrors: true });

/** A host pattern an admin may allow: a name, optionally `*.` + a registrable domain. Never an IP. */
export const allowedDomainSchema = z.string().trim().toLowerCase().superRefine((pattern, ctx) => {
  if (pattern === '*' || pattern.includes('*') && !pattern.startsWith('*.')) return void ctx.addIssue({ code: 'custom', message: `"${pattern}": a wildcard may only be a leading "*." label` });
  const host = pattern.replace(/^\*\./, '');
  if (pattern.startsWith('*.') && !host.includes('.')) return void ctx.addIssue({ code: 'custom', message: `"${pattern}" is too broad: a wildcard must name at least a registrable domain (*.example.com)` });
  if (parseHostLiteral(host) || /^\[/.test(host)) return void ctx.addIssue({ code: 'custom', message: `"${pattern}" is an IP address: allow host names only` });
  if (!/^([a-z0-9-]+\.)+[a-z0-9-]+$/.test(host) || host.split('.').some((l) => l.startsWith('-') || l.endsWith('-'))) ctx.addIssue({ code: 'custom', message: `"${pattern}" is not a valid host name` });
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) ctx.addIssue({ code: 'custom', message: `"${pattern}" names a local network` });
});

export const actionSchema = z.object({
  action_id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
  http_method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url_template: z.string().min(1),
  /** JSON Schema of the inputs; values not used by the URL template form the body. */
  body_schema: z.record(z.string(), z.unknown()).default({ type: 'object' }),
  description: z.string().optional(),
});

export const httpConnectorSchema = z.object({
  connector_id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and dashes'),
  display_name: z.string().trim().min(1),
  auth_type: z.enum(HTTP_AUTH_TYPES),
  auth_schema: z.object({ fields: z.array(fieldSchema).default([]) }).default({ fields: [] }),
  /** api_key: where the key goes. @default header `X-API-Key` */
  auth_config: z.object({ in: z.enum(['header', 'query']).default('header'), name: z.string().default('X-API-Key'), prefix: z.string().default('') }).optional(),
  actions: z.array(actionSchema).min(1),
  allowed_domains: z.array(allowedDomainSchema).min(1),
  enabled: z.boolean().default(true),
  /**
   * A loopback stand-in to send calls to instead, after every check on the real URL. Honoured only
   * under the platform's explicit sandbox egress policy. @default none
   */
  sandbox_base_url: z.string().regex(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/, 'must be http://127.0.0.1:<port>').optional(),
}).superRefine((def, ctx) => {
  const ids = new Set<string>();
  def.actions.forEach((action, i) => {
    if (ids.has(action.action_id)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'action_id'], message: `action "${action.action_id}" is declared twice` });
    ids.add(action.action_id);
    const problem = analyseTemplate(action.url_template, def.allowed_domains).problem;
    if (problem) ctx.addIssue({ code: 'custom', path: ['actions', i, 'url_template'], message: problem });
    try {
      ajv.compile(action.body_schema);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['actions', i, 'body_schema'], message: `not a valid JSON Schema: ${(error as Error).message}` });
    }
  });
  const secretTypes = { api_key: 1, bearer: 1, basic: 2, oauth2: 1, none: 0 } as const;
  if (def.auth_schema.fields.filter((f) => f.secret).length < secretTypes[def.auth_type]) {
    ctx.addIssue({ code: 'custom', path: ['auth_schema', 'fields'], message: `auth_type ${def.auth_type} needs ${secretTypes[def.auth_type]} secret field(s)` });
  }
});

export type HttpConnectorDefinition = z.output<typeof httpConnectorSchema>;
export type HttpAction = z.output<typeof actionSchema>;

export function compileBodySchema(schema: Record<string, unknown>) {
  return ajv.compile(schema);
}
