/**
 * Microsoft Teams through Microsoft Graph: post, edit and delete channel messages, read them
 * back, and capture them through change notifications (validation handshake, clientState,
 * renewal). Data first; the quirks live in the files imported here.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { appOnlyMethod, delegatedMethod } from './auth.js';
import { captureGraphNotification } from './capture.js';
import { parseGraphError } from './errors.js';
import { fetchTeamsMessage } from './fetch.js';
import { teamsGuide } from './guide.js';
import { testTeamsConnection } from './health.js';
import { deleteTeamsMessage, sendTeamsMessage, updateTeamsMessage } from './messages.js';
import { subscribeTeamsChannel } from './subscribe.js';

const sandbox: SandboxFactory = async (options) => (await import('./sandbox/factory.js')).teamsSandboxFactory(options);

export const teamsDefinition: ConnectorDefinitionInput = {
  id: 'teams',
  name: 'Microsoft Teams',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://learn.microsoft.com/graph/api/resources/chatmessage',
  description: 'Posts, edits and deletes Teams channel messages through Microsoft Graph, and captures them through Graph change notifications.',
  auth: [appOnlyMethod, delegatedMethod],
  connection: [
    { name: 'tenantId', label: 'Directory (tenant) ID', type: 'text', required: true, placeholder: '00000000-0000-0000-0000-000000000000', pattern: '^[0-9a-fA-F-]{36}$|^[a-z0-9.-]+\\.onmicrosoft\\.com$' },
  ],
  allowedDomains: ['graph.microsoft.com', 'login.microsoftonline.com'],
  baseUrl: 'https://graph.microsoft.com',
  errorParser: parseGraphError,
  objects: [],
  messaging: {
    send: sendTeamsMessage,
    update: updateTeamsMessage,
    delete: deleteTeamsMessage,
    fetch: fetchTeamsMessage,
    capture: captureGraphNotification,
    subscribe: subscribeTeamsChannel,
  },
  testConnection: testTeamsConnection,
  healthCheck: testTeamsConnection,
  guide: teamsGuide,
  sandbox,
};
