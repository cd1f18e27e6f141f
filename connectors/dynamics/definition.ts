/**
 * Dynamics 365 / Microsoft Dataverse (contacts, accounts, tasks) over the Web API v9.2: data
 * first; the quirks (change tracking as the feed of changes and deletions, `$batch` outcomes,
 * error messages that name the column) live in the files it imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { clientCredentialsMethod } from './auth.js';
import { dynamicsDestination } from './destination/index.js';
import { ACCOUNTS, CONTACTS, TASKS } from './entities.js';
import { dynamicsErrorParser } from './errors.js';
import { dynamicsGuide } from './guide.js';
import { dynamicsHealthCheck, testDynamicsConnection } from './health.js';
import { accountToAccount, accountToDataverse, contactToPerson, personToContact, taskToActivity } from './mappings.js';
import { dynamicsSource } from './source/read.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).dynamicsSandboxFactory(options);

export const dynamicsDefinition: ConnectorDefinitionInput = {
  id: 'dynamics',
  name: 'Dynamics 365',
  version: '1.0.0',
  category: 'crm',
  docsUrl: 'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/overview',
  description: 'Contacts, accounts and tasks from Dynamics 365 / Dataverse through change tracking (deletions included), and loads into contacts and accounts.',
  auth: [clientCredentialsMethod],
  connection: [
    { name: 'tenantId', label: 'Directory (tenant) ID', type: 'text', required: true, placeholder: '00000000-0000-0000-0000-000000000000', pattern: '^([0-9a-fA-F-]{36}|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)$', help: 'The tenant\'s GUID (or its domain, e.g. contoso.onmicrosoft.com).' },
    { name: 'environmentHost', label: 'Environment host', type: 'text', required: true, placeholder: 'contoso.crm.dynamics.com', pattern: '^[a-z0-9][a-z0-9-]*\\.crm[0-9]*\\.dynamics\\.com$', help: 'The host of the environment URL: contoso.crm.dynamics.com, contoso.crm4.dynamics.com…' },
  ],
  allowedDomains: ['*.dynamics.com', 'login.microsoftonline.com'],
  baseUrl: 'https://{environmentHost}',
  // Service protection: 6,000 requests per user in any 5 minutes (per web server; one is the safe count).
  rateLimit: { requests: 6000, windowMs: 300_000, scope: 'connection' },
  // Retry-After (seconds) comes with every 429; the executor honours it before its own backoff.
  // The documented `If-None-Match: null` only defeats browser caches; left out, so it never
  // meets a write's own `If-Match` / `If-None-Match: *`.
  defaultHeaders: { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
  timeoutMs: 30_000,
  errorParser: dynamicsErrorParser,
  objects: [
    {
      name: 'contacts', label: 'Contacts', canonical: 'person', primaryKey: 'contactid', naturalKey: 'emailaddress1', cursorField: 'modifiedon',
      mapping: contactToPerson, destinationMapping: personToContact, source: dynamicsSource(CONTACTS), destination: dynamicsDestination(CONTACTS),
    },
    {
      name: 'accounts', label: 'Accounts', canonical: 'account', primaryKey: 'accountid', naturalKey: 'name', cursorField: 'modifiedon',
      mapping: accountToAccount, destinationMapping: accountToDataverse, source: dynamicsSource(ACCOUNTS), destination: dynamicsDestination(ACCOUNTS),
    },
    {
      name: 'tasks', label: 'Tasks', canonical: 'activity', primaryKey: 'activityid', cursorField: 'modifiedon',
      mapping: taskToActivity, source: dynamicsSource(TASKS),
    },
  ],
  testConnection: testDynamicsConnection,
  healthCheck: dynamicsHealthCheck,
  guide: dynamicsGuide,
  sandbox,
};
