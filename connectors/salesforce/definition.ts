/**
 * Salesforce (contacts, accounts, tasks) as a Forgeworks connector over the REST API v62.0:
 * data first; the quirks (SOQL paging with keyset resume, the Recycle Bin as the deletes feed,
 * Collections outcomes, the 403 that means "out of API calls") live in the files it imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { DEFAULT_LOGIN_URL, salesforceJwtStrategy } from './auth.js';
import { salesforceDestination } from './destination.js';
import { classifySalesforceOutcome, salesforceErrorParser } from './errors.js';
import { salesforceGuide } from './guide.js';
import { salesforceHealthCheck, testSalesforceConnection } from './health.js';
import { accountDestinationMapping, accountMapping, contactDestinationMapping, contactMapping, taskMapping } from './mappings.js';
import { ACCOUNT, CONTACT, TASK } from './objects.js';
import { salesforceSource } from './source.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).salesforceSandboxFactory(options);

export const salesforceDefinition: ConnectorDefinitionInput = {
  id: 'salesforce',
  name: 'Salesforce',
  version: '1.0.0',
  category: 'crm',
  docsUrl: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest.htm',
  description: 'Contacts, accounts and tasks from Salesforce (deletes from the Recycle Bin), and loads into contacts and accounts.',
  auth: [
    {
      id: 'oauth', type: 'oauth2_authorization_code', label: 'OAuth (web server flow)',
      fields: [
        { name: 'clientId', label: 'Consumer key', type: 'text', required: true, placeholder: '3MVG9…' },
        { name: 'clientSecret', label: 'Consumer secret', type: 'password', secret: true, required: true },
      ],
      oauth: { authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize', tokenUrl: 'https://login.salesforce.com/services/oauth2/token', scopes: ['api', 'refresh_token'] },
    },
    {
      id: 'jwt', type: 'jwt_bearer', label: 'JWT bearer (integration user, no browser)',
      fields: [
        { name: 'clientId', label: 'Consumer key', type: 'text', required: true, placeholder: '3MVG9…' },
        { name: 'username', label: 'Username', type: 'text', required: true, placeholder: 'integration@acme.com' },
        { name: 'privateKey', label: 'Private key (PEM)', type: 'textarea', secret: true, required: true, placeholder: '-----BEGIN PRIVATE KEY-----' },
      ],
      strategy: salesforceJwtStrategy,
    },
  ],
  connection: [
    {
      name: 'myDomain', label: 'My Domain name', type: 'text', required: true, placeholder: 'acme', pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$',
      help: 'The part before .my.salesforce.com: "acme" for https://acme.my.salesforce.com, "acme--dev.sandbox" for a sandbox org.',
    },
    {
      name: 'loginUrl', label: 'Login URL', type: 'text', default: DEFAULT_LOGIN_URL, pattern: '^https://[A-Za-z0-9.-]+\\.(salesforce|force)\\.com/?$',
      help: 'Where JWT assertions are addressed and exchanged: https://login.salesforce.com, https://test.salesforce.com for sandboxes, or your My Domain URL.',
    },
    {
      name: 'accountExternalIdField', label: 'Account external ID field', type: 'text', pattern: '^[A-Za-z][A-Za-z0-9_]*__c$',
      help: 'Optional: a custom External ID field on Account (e.g. ERP_Id__c), read with accounts and usable for upserts.',
    },
  ],
  allowedDomains: ['*.salesforce.com', '*.force.com', 'login.salesforce.com'],
  baseUrl: 'https://{myDomain}.my.salesforce.com',
  // A first query batch over a large table can take well over 10 seconds to come back.
  timeoutMs: 30_000,
  // Names this client in the org's API usage (Event Monitoring, the API Usage report).
  defaultHeaders: { 'Sforce-Call-Options': 'client=Forgeworks' },
  errorParser: salesforceErrorParser,
  classifyOutcome: classifySalesforceOutcome,
  objects: [
    {
      name: 'contact', label: 'Contacts', canonical: 'person', primaryKey: 'Id', naturalKey: 'Email', cursorField: 'SystemModstamp',
      mapping: contactMapping, destinationMapping: contactDestinationMapping, source: salesforceSource(CONTACT), destination: salesforceDestination(CONTACT),
    },
    {
      name: 'account', label: 'Accounts', canonical: 'account', primaryKey: 'Id', naturalKey: 'Name', cursorField: 'SystemModstamp',
      mapping: accountMapping, destinationMapping: accountDestinationMapping, source: salesforceSource(ACCOUNT), destination: salesforceDestination(ACCOUNT),
    },
    {
      name: 'task', label: 'Tasks', canonical: 'activity', primaryKey: 'Id', cursorField: 'SystemModstamp',
      mapping: taskMapping, source: salesforceSource(TASK),
    },
  ],
  testConnection: testSalesforceConnection,
  healthCheck: salesforceHealthCheck,
  guide: salesforceGuide,
  sandbox,
};
