/**
 * Incoming webhooks answer plain text: `ok`, or the error code with an HTTP status
 * (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks, "Handling errors"):
 * `invalid_payload` and `no_text` (400) are the message's fault; `invalid_token` and
 * `action_prohibited` (403), `no_service` (404, the webhook was removed) and
 * `channel_is_archived` (410) mean the URL no longer works, so the connection needs attention.
 */
import type { ErrorKind, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';

const FIELD_OF: Record<string, string> = { no_text: 'text', invalid_payload: 'payload', too_many_attachments: 'attachments' };
const DEAD = ['invalid_token', 'action_prohibited', 'no_service', 'no_service_id', 'no_team', 'team_disabled', 'channel_is_archived', 'channel_not_found', 'user_not_found', 'posting_to_general_channel_denied'];

function kindOf(code: string, status: number): ErrorKind | undefined {
  if (FIELD_OF[code]) return 'validation';
  if (DEAD.includes(code)) return 'permanent';
  return status === 429 ? 'transient' : undefined;
}

export function parseWebhookError(response: VendorResponse): VendorErrorDetails | undefined {
  if (typeof response.body !== 'string') return undefined;
  const code = response.body.trim();
  if (!/^[a-z_]{2,64}$/.test(code)) return undefined;
  return { code, message: code, fields: FIELD_OF[code] ? [{ field: FIELD_OF[code]!, message: code }] : [], kind: kindOf(code, response.status) };
}
