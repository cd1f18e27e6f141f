/**
 * The way in: OAuth 2.0 client credentials (app-only) against the Microsoft identity platform,
 * for an app registration that is an application user of the environment
 * (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow;
 * learn.microsoft.com/power-apps/developer/data-platform/build-web-applications-server-server-s2s-authentication).
 * The token URL carries the tenant and the scope is the environment's URL plus `/.default`, both
 * filled from the connection by the platform's `oauth2_client_credentials` strategy.
 */
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';

type AuthMethodInput = ConnectorDefinitionInput['auth'][number];

export const TOKEN_URL = 'https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token';
export const SCOPE = 'https://{environmentHost}/.default';

export const clientCredentialsMethod: AuthMethodInput = {
  id: 'client_credentials', type: 'oauth2_client_credentials', label: 'App registration (client credentials)',
  fields: [
    { name: 'clientId', label: 'Application (client) ID', type: 'text', required: true, placeholder: '00000000-0000-0000-0000-000000000000', pattern: '^[0-9a-fA-F-]{36}$' },
    { name: 'clientSecret', label: 'Client secret (value)', type: 'password', secret: true, required: true, help: 'The secret\'s Value, not its Secret ID.' },
  ],
  oauth: { tokenUrl: TOKEN_URL, scopes: [SCOPE], pkce: false },
};
