/**
 * Twilio authenticates REST calls with HTTP Basic (twilio.com/docs/iam/api/authentication): the
 * Account SID and its auth token, or an API key SID (SK…) and its secret, which Twilio
 * recommends for production. The Account SID is a connection field (it is also in every path),
 * so both methods supply a strategy that takes the user from the right place and refuses a
 * missing field by name before any call; the Basic header itself is the platform's `basic`.
 */
import { AuthError, basic } from '../../src/credentials/strategies/index.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';

type AuthMethodInput = ConnectorDefinitionInput['auth'][number];

function required(value: unknown, field: string, where: 'secret' | 'connection'): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new AuthError('invalid_config', `twilio: the ${where} field "${field}" is missing`, { kind: 'permanent', reauthRequired: where === 'secret' });
}

export const authTokenMethod: AuthMethodInput = {
  id: 'auth_token', type: 'basic', label: 'Account SID and auth token',
  fields: [{ name: 'authToken', label: 'Auth token', type: 'password', secret: true, required: true, help: 'Console → Account info → Auth Token.' }],
  strategy: (secrets: Record<string, string>, config: Record<string, unknown>) =>
    basic({ username: required(config.accountSid, 'accountSid', 'connection'), password: required(secrets.authToken, 'authToken', 'secret') }),
};

export const apiKeyMethod: AuthMethodInput = {
  id: 'api_key', type: 'basic', label: 'API key',
  fields: [
    { name: 'apiKeySid', label: 'API key SID', type: 'text', required: true, pattern: '^SK[0-9a-fA-F]{32}$', placeholder: 'SK…' },
    { name: 'apiKeySecret', label: 'API key secret', type: 'password', secret: true, required: true },
  ],
  strategy: (secrets: Record<string, string>) =>
    basic({ username: required(secrets.apiKeySid, 'apiKeySid', 'secret'), password: required(secrets.apiKeySecret, 'apiKeySecret', 'secret') }),
};
