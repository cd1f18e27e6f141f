/**
 * Auth strategies the HTTP executor applies to outgoing requests, and the OAuth 2.0
 * authorization-code helpers. Pure: token endpoints are reached through an injected `FetchToken`.
 */
export type { AuthStrategy, OutgoingRequest, FetchToken, TokenHttpResponse, Clock } from './types.js';
export { AuthError, isAuthError, type AuthErrorCode } from './auth-error.js';

export { apiKey, apiKeyConfigSchema, type ApiKeyConfig } from './api-key.js';
export { basic, zendeskToken, basicConfigSchema, zendeskTokenConfigSchema, type BasicConfig, type ZendeskTokenConfig } from './basic.js';
export { bearer, bearerConfigSchema, type BearerConfig } from './bearer.js';
export { oauth1Hmac, oauth1HmacConfigSchema, type OAuth1HmacConfig } from './oauth1.js';
export { signatureBaseString, hmacSignature, type OAuth1SignatureMethod } from './oauth1-signature.js';
export { sigv4, sigv4ConfigSchema, type SigV4Config } from './sigv4.js';
export { deriveSigningKey, signV4 } from './sigv4-signing.js';
export { jwtBearer, jwtBearerConfigSchema, JWT_BEARER_GRANT, type JwtBearerConfig } from './jwt-bearer.js';
export { snowflakeKeyPairJwt, snowflakeKeyPairJwtConfigSchema, snowflakeAccountForJwt, type SnowflakeKeyPairJwtConfig } from './snowflake-jwt.js';
export { publicKeyFingerprint } from './private-key.js';
export {
  oauth2ClientCredentials,
  oauth2ClientCredentialsConfigSchema,
  type OAuth2ClientCredentialsConfig,
} from './oauth2-client-credentials.js';
export { sessionLogin, type SessionLoginConfig, type Session } from './session-login.js';
export {
  createAuthorizationRequest,
  verifyState,
  exchangeCode,
  pkceChallengeS256,
  type AuthorizationRequest,
  type AuthorizationRequestOptions,
  type ExchangeCodeOptions,
  type TokenEndpointOptions,
} from './oauth2-authcode.js';
export { refreshAccessToken, type RefreshTokenOptions } from './oauth2-refresh.js';
export { parseTokenResponse, type TokenSet } from './token-response.js';
export type { ClientAuthMethod } from './token-request.js';
export { percentEncode } from './percent-encode.js';
