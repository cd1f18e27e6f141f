/**
 * When a connection can only recover by a person authorising it again: the permanent error that
 * names the connection, and the status change. Reasons are fixed texts, never vendor words.
 */
import { AuthError } from '../strategies/index.js';
import type { CredentialRef } from '../store.js';
import { markNeedsReauth } from './connection-status.js';
import type { RefreshContext, TokenRecord } from './refresh-types.js';

export const REFRESH_REFUSED_REASON = 'the refresh token was refused (invalid_grant): it was revoked, expired or already rotated';
export const NO_REFRESH_TOKEN_REASON = 'the access token expired and no refresh token is stored';

export function reauthError(ref: CredentialRef, why: string, name?: string): AuthError {
  const which = name ? `"${name}" (${ref.connectionId})` : ref.connectionId;
  return new AuthError('invalid_grant', `the connection ${which} needs to be authorised again: ${why}`, { kind: 'permanent' });
}

/** Another worker already had the refresh token refused: fail without sending it again. */
export function failIfRefused(ctx: RefreshContext, record: TokenRecord): void {
  if (record.tokens.refreshRefused) throw reauthError(ctx.ref, REFRESH_REFUSED_REASON);
}

/** Marks the connection and returns the error to throw. */
export async function giveUp(ctx: RefreshContext, reason: string): Promise<AuthError> {
  const name = await markNeedsReauth(ctx.store.pool, ctx.ref, reason);
  ctx.logger.warn({ reason }, 'connection marked as needing re-authorisation');
  return reauthError(ctx.ref, reason, name);
}
