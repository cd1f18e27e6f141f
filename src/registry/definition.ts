/**
 * The connector definition: data first (validated here at registration), code only for quirks
 * (functions, checked to be functions). A malformed definition is refused with every bad path.
 */
import { z } from 'zod';
import { CANONICAL_TYPES, mappingSchema } from '../canonical/index.js';
import { fieldSchema } from './fields.js';

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', { message: `${what} must be a function` });
const hostPattern = z.string().regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/i, 'must be a host name, optionally starting with "*."')
  .refine((p) => !/^\*\.[a-z0-9-]+$/i.test(p), 'a wildcard must name at least a registrable domain (not *.com)');

export const AUTH_TYPES = [
  'none', 'api_key', 'basic', 'bearer', 'oauth2_authorization_code', 'oauth2_client_credentials', 'oauth1_tba', 'sigv4', 'jwt_bearer', 'session',
] as const;

export const authMethodSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  type: z.enum(AUTH_TYPES),
  label: z.string().min(1),
  fields: z.array(fieldSchema).default([]),
  /** api_key: where the key goes. */
  placement: z.object({ in: z.enum(['header', 'query', 'basic_user']), name: z.string().default('Authorization'), prefix: z.string().optional() }).optional(),
  oauth: z.object({
    authorizeUrl: z.url().optional(),
    tokenUrl: z.url(),
    scopes: z.array(z.string()).default([]),
    /** @default true */
    pkce: z.boolean().default(true),
    /** @default ' ' */
    scopeSeparator: z.string().default(' '),
    /** Refresh this long before the access token expires. @default 120 */
    refreshAheadSeconds: z.number().int().nonnegative().default(120),
  }).optional(),
  /** Builds the strategy from the secret fields (for vendor quirks such as Zendesk's `email/token`). */
  strategy: fn<(credentials: Record<string, string>, config: Record<string, unknown>, fetchToken: (url: string, form: URLSearchParams, headers?: Record<string, string>) => Promise<{ status: number; body: unknown }>) => unknown>('strategy').optional(),
}).superRefine((method, ctx) => {
  if (method.type === 'api_key' && !method.placement) ctx.addIssue({ code: 'custom', path: ['placement'], message: 'an api_key method must say where the key goes' });
  if (method.type.startsWith('oauth2') && !method.oauth) ctx.addIssue({ code: 'custom', path: ['oauth'], message: 'an OAuth 2.0 method needs its token URL' });
  if (method.type === 'oauth2_authorization_code' && !method.oauth?.authorizeUrl) ctx.addIssue({ code: 'custom', path: ['oauth', 'authorizeUrl'], message: 'the authorization-code flow needs an authorize URL' });
});

export const objectSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  canonical: z.enum(CANONICAL_TYPES),
  primaryKey: z.string().min(1),
  /** The field a load matches existing records by (email, domain, external id). */
  naturalKey: z.string().optional(),
  cursorField: z.string().optional(),
  /** Default vendor → canonical mapping; a tenant may override it per connection. */
  mapping: mappingSchema,
  /** Default canonical → vendor mapping for loads. */
  destinationMapping: mappingSchema.optional(),
  source: z.object({ read: fn('source.read'), deletes: z.enum(['feed', 'reconcile']) }).optional(),
  destination: z.object({
    get: fn('destination.get'), create: fn('destination.create'), update: fn('destination.update'), delete: fn('destination.delete'),
    findByNaturalKey: fn('destination.findByNaturalKey').optional(), restore: fn('destination.restore').optional(),
    batchSize: z.number().int().positive(), ignoreOnVerify: z.array(z.string()).optional(), normalise: fn('destination.normalise').optional(),
    fieldsOf: fn('destination.fieldsOf').optional(),
  }).optional(),
}).refine((o) => o.source || o.destination, { message: 'an object needs a source or a destination', path: ['source'] });

export const definitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'must be SemVer (1.2.3)'),
  category: z.enum(['crm', 'billing', 'ticketing', 'erp', 'messaging', 'email', 'warehouse', 'marketing', 'devtools', 'other']),
  docsUrl: z.url(),
  description: z.string().default(''),
  auth: z.array(authMethodSchema).min(1),
  connection: z.array(fieldSchema).default([]),
  allowedDomains: z.array(hostPattern).min(1),
  /** The API root from the connection fields, e.g. `https://{subdomain}.zendesk.com`. */
  baseUrl: z.string().min(1),
  rateLimit: z.object({ requests: z.number().int().positive(), windowMs: z.number().int().positive(), scope: z.enum(['connection', 'connector']).default('connection') }).optional(),
  resetHeader: z.object({ name: z.string(), unit: z.enum(['seconds', 'milliseconds', 'epoch_seconds', 'epoch_milliseconds']) }).optional(),
  idempotencyHeader: z.string().optional(),
  /** Headers sent on every call: API version pins (`Stripe-Version`), `Accept`. Never credentials. */
  defaultHeaders: z.record(z.string(), z.string()).optional(),
  /** @default 10_000 */
  timeoutMs: z.number().int().positive().optional(),
  errorParser: fn('errorParser').optional(),
  classifyOutcome: fn('classifyOutcome').optional(),
  objects: z.array(objectSchema).default([]),
  messaging: z.object({
    send: fn('messaging.send'), update: fn('messaging.update').optional(), delete: fn('messaging.delete').optional(),
    fetch: fn('messaging.fetch').optional(), capture: fn('messaging.capture').optional(), subscribe: fn('messaging.subscribe').optional(),
  }).optional(),
  testConnection: fn('testConnection'),
  healthCheck: fn('healthCheck').optional(),
  /** "Connect your system": where the key lives, which scopes, which plan limits apply. */
  guide: z.object({ steps: z.array(z.string()).min(1), scopes: z.array(z.string()).default([]), limits: z.string().optional() }),
  /** Starts this connector's vendor stand-in (`forge sandbox <id>`); absent for none. */
  sandbox: fn('sandbox').optional(),
}).superRefine((def, ctx) => {
  const seen = new Set<string>();
  def.objects.forEach((o, i) => {
    if (seen.has(o.name)) ctx.addIssue({ code: 'custom', path: ['objects', i, 'name'], message: `object "${o.name}" is declared twice` });
    seen.add(o.name);
  });
  const fields = new Set(def.connection.map((f) => f.name));
  for (const [, name] of def.baseUrl.matchAll(/\{(\w+)\}/g)) {
    if (!fields.has(name!)) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: `{${name}} is not a connection field` });
  }
});

export type ConnectorDefinition = z.output<typeof definitionSchema>;
export type ConnectorDefinitionInput = z.input<typeof definitionSchema>;
export type AuthMethod = z.output<typeof authMethodSchema>;
export type ObjectDefinition = z.output<typeof objectSchema>;
