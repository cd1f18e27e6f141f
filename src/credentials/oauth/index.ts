/**
 * OAuth 2.0 with the credential store behind it: the authorization-code flow service and the
 * refreshing strategy (single-flight across workers, refresh-token rotation, re-auth marking).
 */
export { beginAuthorization, STATE_TTL_MS, type BeginAuthorizationInput, type BeginAuthorizationResult } from './begin-authorization.js';
export { completeAuthorization, type CompleteAuthorizationInput, type CompleteAuthorizationResult } from './complete-authorization.js';
export { oauth2Refreshing, type OAuth2RefreshingConfig } from './refreshing.js';
export { readTokenSet, tokenSecrets, REFRESH_REFUSED, type StoredTokenSet } from './token-fields.js';
export { acquireLease, releaseLease, PROCESS_OWNER } from './lease.js';
export { markNeedsReauth, markActive } from './connection-status.js';
