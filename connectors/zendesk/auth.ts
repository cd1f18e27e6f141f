/**
 * Zendesk's two ways in (developer.zendesk.com/api-reference/introduction/security-and-auth):
 * an API token, sent as Basic `{email}/token:{token}` by the platform's `zendeskToken`
 * strategy, and OAuth, whose access token travels as a Bearer token. OAuth URLs live on the
 * account's own subdomain, filled in from the connection's `subdomain`.
 */
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { zendeskToken } from '../../src/credentials/strategies/index.js';

type AuthMethodInput = ConnectorDefinitionInput['auth'][number];

export const SCOPES = ['read', 'write'];

export const apiTokenMethod: AuthMethodInput = {
  id: 'api_token', type: 'basic', label: 'API token',
  fields: [
    { name: 'email', label: 'Admin email', type: 'text', required: true, placeholder: 'admin@example.com', help: 'The email of the admin who owns the token: incremental exports are for admins only.' },
    { name: 'apiToken', label: 'API token', type: 'password', secret: true, required: true },
  ],
  strategy: (secrets: Record<string, string>) => zendeskToken({ email: secrets.email ?? '', apiToken: secrets.apiToken ?? '' }),
};

export const oauthMethod: AuthMethodInput = {
  id: 'oauth', type: 'oauth2_authorization_code', label: 'OAuth',
  fields: [
    { name: 'clientId', label: 'Client identifier', type: 'text', required: true },
    { name: 'clientSecret', label: 'Client secret', type: 'password', secret: true, required: true },
  ],
  oauth: { authorizeUrl: 'https://{subdomain}.zendesk.com/oauth/authorizations/new', tokenUrl: 'https://{subdomain}.zendesk.com/oauth/tokens', scopes: SCOPES },
};
