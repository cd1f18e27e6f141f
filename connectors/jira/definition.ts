/**
 * Jira Cloud (REST v3) as a Forgeworks connector: issues both ways (as activities), users read
 * as people. Data first; the quirks (token-paged JQL search in the user's time zone, ADF
 * descriptions, status by transition, bulk-create outcomes) live in the files this one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { jiraDestination } from './destination.js';
import { jiraErrorParser } from './errors.js';
import { jiraGuide } from './guide.js';
import { issuesSource } from './issues-source.js';
import { issueDestinationMapping, issueMapping, userMapping } from './mappings.js';
import { testJiraConnection } from './myself.js';
import { usersSource } from './users-source.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/factory.js')).jiraSandboxFactory(options);

export const jiraDefinition: ConnectorDefinitionInput = {
  id: 'jira',
  name: 'Jira',
  version: '1.0.0',
  category: 'ticketing',
  docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/',
  description: 'Jira Cloud issues in both directions (as activities) and users as people, over REST v3.',
  auth: [
    {
      id: 'api_token', type: 'basic', label: 'Email and API token',
      fields: [
        { name: 'username', label: 'Email address', type: 'text', required: true, placeholder: 'integration@acme.com', help: 'The email of the Atlassian account the token belongs to.' },
        { name: 'password', label: 'API token', type: 'password', secret: true, required: true, help: 'Created at id.atlassian.com → Security → API tokens. Not the account password.' },
      ],
    },
  ],
  connection: [
    { name: 'site', label: 'Site', type: 'text', required: true, placeholder: 'acme', pattern: '^[a-z0-9][a-z0-9-]*$', help: 'The "acme" of https://acme.atlassian.net.' },
    { name: 'projectKey', label: 'Default project key', type: 'text', placeholder: 'OPS', pattern: '^[A-Z][A-Z0-9_]*$', help: 'Project for created issues that name none.' },
    { name: 'issueType', label: 'Default issue type', type: 'text', default: 'Task', help: 'Issue type for created issues that name none.' },
  ],
  allowedDomains: ['*.atlassian.net'],
  baseUrl: 'https://{site}.atlassian.net',
  // Atlassian publishes no burst numbers for API token traffic; 10 a second stays well inside
  // what sites observe, and a 429's Retry-After covers the rest.
  rateLimit: { requests: 10, windowMs: 1000, scope: 'connection' },
  defaultHeaders: { Accept: 'application/json' },
  errorParser: jiraErrorParser,
  objects: [
    {
      name: 'issues', label: 'Issues', canonical: 'activity', primaryKey: 'id', cursorField: 'updated',
      mapping: issueMapping, destinationMapping: issueDestinationMapping,
      source: issuesSource, destination: jiraDestination(),
    },
    {
      name: 'users', label: 'Users', canonical: 'person', primaryKey: 'accountId', naturalKey: 'emailAddress',
      mapping: userMapping, source: usersSource,
    },
  ],
  testConnection: testJiraConnection,
  healthCheck: testJiraConnection,
  guide: jiraGuide,
  sandbox,
};
