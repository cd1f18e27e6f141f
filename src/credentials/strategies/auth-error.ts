import { ConnectorError, type ErrorKind } from '../../core/errors.js';

export type AuthErrorCode =
  /** The strategy's own configuration is unusable (missing field, unreadable key). */
  | 'invalid_config'
  /** The grant (code, refresh token, assertion) was refused: the user must authorise again. */
  | 'invalid_grant'
  /** The token endpoint does not accept this client id/secret. */
  | 'invalid_client'
  /** The token endpoint failed or could not be reached. */
  | 'token_request_failed'
  /** The token endpoint answered 2xx with a body we cannot use. */
  | 'token_response_invalid'
  /** The OAuth callback's `state` is not the one we issued (CSRF or a stale tab). */
  | 'state_mismatch'
  /** A session login returned something that is not a session. */
  | 'session_login_invalid';

export interface AuthErrorOptions {
  kind: ErrorKind;
  status?: number;
  /** @default true for invalid_grant and invalid_client, false otherwise */
  reauthRequired?: boolean;
}

/**
 * A failure to authenticate. It is a ConnectorError so the executor classifies it like any
 * vendor failure (a refused grant is permanent, a token endpoint 503 is transient). Messages are
 * built only from field names, hosts and redacted vendor text, never from secret values.
 */
export class AuthError extends ConnectorError {
  override readonly code: AuthErrorCode;
  /** The connection cannot recover without a person re-entering or re-authorising credentials. */
  readonly reauthRequired: boolean;

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions) {
    super(message, { kind: options.kind, status: options.status, code });
    this.code = code;
    this.reauthRequired = options.reauthRequired ?? (code === 'invalid_grant' || code === 'invalid_client');
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError;
}
