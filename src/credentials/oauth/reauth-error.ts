import { AuthError } from '../strategies/index.js';
import type { CredentialRef } from '../store.js';

/**
 * The permanent failure a refused grant becomes. It names the connection so an operator reading
 * the run's error knows which one to re-authorise; it never carries vendor text.
 */
export function reauthError(ref: CredentialRef, why: string, name?: string): AuthError {
  const which = name ? `"${name}" (${ref.connectionId})` : ref.connectionId;
  return new AuthError('invalid_grant', `the connection ${which} needs to be authorised again: ${why}`, { kind: 'permanent' });
}

export const REFRESH_REFUSED_REASON = 'the refresh token was refused (invalid_grant): it was revoked, expired or already rotated';
export const NO_REFRESH_TOKEN_REASON = 'the access token expired and no refresh token is stored';
