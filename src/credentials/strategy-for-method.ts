/**
 * Builds the auth strategy a connection's declared method calls for, from its secret fields.
 * Field names are the conventions below; a connector with a quirk supplies `method.strategy`.
 */
import { ConnectorError } from '../core/errors.js';
import type { Logger, RequestAuthorizer } from '../core/index.js';
import type { AuthMethod } from '../registry/index.js';
import type { CredentialBackend } from './backend.js';
import { oauth2Refreshing } from './oauth/refreshing.js';
import type { CredentialRef } from './store.js';
import {
  apiKey, basic, bearer, jwtBearer, oauth1Hmac, oauth2ClientCredentials, sigv4, type FetchToken,
} from './strategies/index.js';

export interface StrategyInput {
  method: AuthMethod;
  secrets: Record<string, string>;
  config: Record<string, unknown>;
  /** Token endpoints are reached through the executor, so the egress guard applies to them too. */
  fetchToken: FetchToken;
  /**
   * With both, `oauth2_authorization_code` reads its token set from the store at each use and
   * refreshes it (single-flight across workers). @default none: the stored access token as is
   */
  store?: CredentialBackend;
  ref?: CredentialRef;
  /** @default silent */
  logger?: Logger;
}

/** `{field}` placeholders in URLs (Dynamics' tenant id in its token URL) come from the connection. */
export function fillTemplate(template: string, config: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = config[name];
    if (value === undefined || value === null || value === '') throw new Error(`the connection field "${name}" is required`);
    return encodeURIComponent(String(value));
  });
}

function firstSecret(method: AuthMethod, secrets: Record<string, string>): string {
  const field = method.fields.find((f) => f.secret);
  const value = field ? secrets[field.name] : undefined;
  if (!value) throw missingSecret(field?.name ?? '(none declared)');
  return value;
}

function need(secrets: Record<string, string>, name: string): string {
  const value = secrets[name];
  if (!value) throw missingSecret(name);
  return value;
}

/** Fails closed before any call: permanent (re-enter the credentials), naming the field. */
function missingSecret(name: string): ConnectorError {
  return new ConnectorError(`the credential field "${name}" is missing`, { kind: 'permanent', code: 'missing_secret', fields: [{ field: name, message: 'is missing' }] });
}

export function strategyForMethod(input: StrategyInput): RequestAuthorizer | undefined {
  const { method, secrets, config, fetchToken } = input;
  if (method.strategy) return (method.strategy as (s: Record<string, string>, c: Record<string, unknown>, f: FetchToken) => RequestAuthorizer)(secrets, config, fetchToken);
  switch (method.type) {
    case 'none':
      return undefined;
    case 'api_key': {
      const placement = method.placement!;
      const key = firstSecret(method, secrets);
      if (placement.in === 'basic_user') return apiKey({ placement: 'basic_user', key });
      if (placement.in === 'query') return apiKey({ placement: 'query', key, name: placement.name });
      return apiKey({ placement: 'header', key, name: placement.name, prefix: placement.prefix ?? '' });
    }
    case 'basic':
      return basic({ username: need(secrets, 'username'), password: secrets.password ?? '' });
    case 'bearer':
      return bearer({ token: secrets.token ?? secrets.accessToken ?? firstSecret(method, secrets) });
    case 'oauth2_authorization_code':
      if (input.store && input.ref) {
        // Client id and secret are read with the token set at each use (they were stored with it).
        return oauth2Refreshing({
          store: input.store, ref: input.ref, tokenUrl: fillTemplate(method.oauth!.tokenUrl, config),
          refreshAheadSeconds: method.oauth!.refreshAheadSeconds, fetchToken, logger: input.logger,
        });
      }
      // Without a store there is nothing to write a rotated token to: the stored access token as is.
      return bearer({ token: need(secrets, 'accessToken') });
    case 'oauth2_client_credentials':
      return oauth2ClientCredentials({
        tokenUrl: fillTemplate(method.oauth!.tokenUrl, config), clientId: need(secrets, 'clientId'), clientSecret: need(secrets, 'clientSecret'),
        scope: method.oauth!.scopes.length ? method.oauth!.scopes.map((s) => fillTemplate(s, config)).join(method.oauth!.scopeSeparator) : undefined,
        fetchToken,
      });
    case 'oauth1_tba':
      return oauth1Hmac({
        consumerKey: need(secrets, 'consumerKey'), consumerSecret: need(secrets, 'consumerSecret'),
        token: need(secrets, 'tokenId'), tokenSecret: need(secrets, 'tokenSecret'),
        realm: config.accountId === undefined ? undefined : String(config.accountId), signatureMethod: 'HMAC-SHA256',
      });
    case 'sigv4':
      return sigv4({
        accessKeyId: need(secrets, 'accessKeyId'), secretAccessKey: need(secrets, 'secretAccessKey'), sessionToken: secrets.sessionToken,
        region: String(config.region ?? ''), service: String(config.service ?? ''),
      });
    case 'jwt_bearer':
      return jwtBearer({
        issuer: need(secrets, 'clientId'), subject: need(secrets, 'username'), privateKeyPem: need(secrets, 'privateKey'),
        audience: String(config.loginUrl ?? 'https://login.salesforce.com'), tokenUrl: fillTemplate(method.oauth?.tokenUrl ?? '{loginUrl}/services/oauth2/token', config),
        fetchToken,
      });
    case 'session':
      throw new Error(`the session method "${method.id}" needs a connector-supplied strategy`);
  }
}
