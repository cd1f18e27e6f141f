/**
 * The ways in, both against the Microsoft identity platform of the connection's tenant:
 * - `app_only`: client credentials (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow),
 *   scope `https://graph.microsoft.com/.default`; the app's own posts carry `from.application.id`.
 *   Graph grants application permission to post channel messages only for migration
 *   (Teamwork.Migrate.All), and none for editing text or softDelete (README.md).
 * - `delegated`: authorization code for a signed-in user with ChannelMessage.Send and
 *   ChannelMessage.ReadWrite, which is what Graph documents for posting, editing and deleting.
 * Both carry `clientState`, the secret Graph echoes in every change notification.
 */
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';

type AuthMethodInput = ConnectorDefinitionInput['auth'][number];

export const TOKEN_URL = 'https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token';
export const AUTHORIZE_URL = 'https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/authorize';
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
export const DELEGATED_SCOPES = ['ChannelMessage.Send', 'ChannelMessage.ReadWrite', 'ChannelMessage.Read.All', 'offline_access'];

const clientFields = [
  { name: 'clientId', label: 'Application (client) ID', type: 'text' as const, required: true, placeholder: '00000000-0000-0000-0000-000000000000', pattern: '^[0-9a-fA-F-]{36}$' },
  { name: 'clientSecret', label: 'Client secret (value)', type: 'password' as const, secret: true, required: true, help: 'The secret\'s Value, not its Secret ID.' },
  { name: 'clientState', label: 'Notification secret (clientState)', type: 'password' as const, secret: true, required: true, pattern: '^.{16,128}$', help: 'Any random string of 16 to 128 characters: Graph repeats it in every notification, and Forgeworks refuses notifications without it.' },
];

export const appOnlyMethod: AuthMethodInput = {
  id: 'app_only', type: 'oauth2_client_credentials', label: 'App registration (app-only)',
  fields: clientFields,
  oauth: { tokenUrl: TOKEN_URL, scopes: [GRAPH_DEFAULT_SCOPE], pkce: false },
};

export const delegatedMethod: AuthMethodInput = {
  id: 'delegated', type: 'oauth2_authorization_code', label: 'Signed-in user (delegated)',
  fields: clientFields,
  oauth: { authorizeUrl: AUTHORIZE_URL, tokenUrl: TOKEN_URL, scopes: DELEGATED_SCOPES },
};
