/**
 * Zendesk Support: tickets, users and organizations read through the incremental exports;
 * users and organizations written through the single and bulk (job) endpoints. Data first; the
 * quirks (export loops, job polling, error details) live in the files this one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { apiTokenMethod, oauthMethod } from './auth.js';
import { zendeskDestination } from './destination/index.js';
import { ORGANIZATION_OBJECT, USER_OBJECT } from './destination/objects.js';
import { zendeskErrorParser } from './errors.js';
import { zendeskGuide } from './guide.js';
import { testZendeskConnection } from './health.js';
import { accountToOrganization, organizationToAccount, personToUser, ticketToActivity, userToPerson } from './mappings.js';
import { ORGANIZATIONS, TICKETS, USERS } from './resources.js';
import { zendeskSource } from './source/read.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).zendeskSandboxFactory(options);

export const zendeskDefinition: ConnectorDefinitionInput = {
  id: 'zendesk',
  name: 'Zendesk Support',
  version: '1.0.0',
  category: 'ticketing',
  docsUrl: 'https://developer.zendesk.com/api-reference/',
  description: 'Tickets, users and organizations from Zendesk Support through its incremental exports, and loads into users and organizations.',
  auth: [apiTokenMethod, oauthMethod],
  connection: [
    { name: 'subdomain', label: 'Subdomain', type: 'text', required: true, placeholder: 'acme', pattern: '^[a-z0-9][a-z0-9-]*$', help: 'The "acme" of acme.zendesk.com.' },
  ],
  allowedDomains: ['*.zendesk.com'],
  baseUrl: 'https://{subdomain}.zendesk.com',
  // The incremental exports allow 10 requests a minute; the platform has one bucket per
  // connection, so the export limit paces every call (see README: writes are slower for it).
  rateLimit: { requests: 10, windowMs: 60_000, scope: 'connection' },
  // Retry-After comes with every 429; `ratelimit-reset` (seconds) is the fallback.
  resetHeader: { name: 'ratelimit-reset', unit: 'seconds' },
  defaultHeaders: { Accept: 'application/json' },
  // An export page holds up to 1,000 tickets with their attributes: slower than the default 10 s.
  timeoutMs: 30_000,
  errorParser: zendeskErrorParser,
  objects: [
    {
      name: 'tickets', label: 'Tickets', canonical: 'activity', primaryKey: 'id', cursorField: 'generated_timestamp',
      mapping: ticketToActivity, source: zendeskSource(TICKETS),
    },
    {
      name: 'users', label: 'Users', canonical: 'person', primaryKey: 'id', naturalKey: 'email', cursorField: 'updated_at',
      mapping: userToPerson, destinationMapping: personToUser, source: zendeskSource(USERS), destination: zendeskDestination(USER_OBJECT),
    },
    {
      name: 'organizations', label: 'Organizations', canonical: 'account', primaryKey: 'id', naturalKey: 'name', cursorField: 'updated_at',
      mapping: organizationToAccount, destinationMapping: accountToOrganization, source: zendeskSource(ORGANIZATIONS), destination: zendeskDestination(ORGANIZATION_OBJECT),
    },
  ],
  testConnection: testZendeskConnection,
  healthCheck: testZendeskConnection,
  guide: zendeskGuide,
  sandbox,
};
