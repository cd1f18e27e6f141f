/**
 * Slack answers most failures with HTTP 200 and `{ ok: false, error }` (docs.slack.dev/apis/web-api,
 * "Evaluating responses"), so the status alone says nothing: `classifySlackOutcome` turns the error
 * code into the platform's kind, `parseSlackError` names the fields. A 429 (`ratelimited`, with
 * Retry-After) is classified by its status and waited out by the executor.
 */
import type { ErrorKind, FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { slackErrorSchema } from './schemas.js';

const PERMANENT = ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'no_permission', 'missing_scope', 'not_allowed_token_type', 'ekm_access_denied', 'not_in_channel', 'is_archived', 'team_access_not_granted', 'org_login_required'];
const NOT_FOUND = ['channel_not_found', 'message_not_found', 'thread_not_found'];
const TRANSIENT = ['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'];

/** Which argument each validation error is about, where Slack's code says so. */
const FIELD_OF: Record<string, string> = {
  no_text: 'text', msg_too_long: 'text', invalid_blocks: 'blocks', invalid_blocks_format: 'blocks', too_many_attachments: 'attachments',
  invalid_metadata_format: 'metadata', invalid_metadata_schema: 'metadata', metadata_too_large: 'metadata', metadata_must_be_sent_from_app: 'metadata',
  cant_update_message: 'ts', edit_window_closed: 'ts', cant_delete_message: 'ts', invalid_thread_ts: 'thread_ts', invalid_ts_latest: 'latest', invalid_ts_oldest: 'oldest',
};
const VALIDATION = [...Object.keys(FIELD_OF), 'invalid_arguments', 'invalid_arg_name', 'invalid_array_arg', 'invalid_charset', 'invalid_form_data', 'invalid_json', 'json_not_object', 'invalid_post_type', 'missing_post_type'];

export function kindOfSlackError(code: string): ErrorKind {
  if (PERMANENT.includes(code)) return 'permanent';
  if (NOT_FOUND.includes(code)) return 'not_found';
  if (TRANSIENT.includes(code)) return 'transient';
  if (VALIDATION.includes(code)) return 'validation';
  // An unknown code: asking again the same way will not help.
  return 'permanent';
}

/** `[ERROR] missing required field: channel` / `[ERROR] must provide a string [json-pointer:/text]`. */
function fieldsFromMessages(messages: string[]): FieldError[] {
  return messages.flatMap((message) => {
    const named = /field:?\s+([A-Za-z_][\w.]*)/.exec(message) ?? /json-pointer:\/([\w/]+)\]/.exec(message);
    return named?.[1] ? [{ field: named[1].replace(/\//g, '.'), message: message.replace(/^\[ERROR\]\s*/, '') }] : [];
  });
}

export function parseSlackError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = slackErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { error, needed, response_metadata: meta } = parsed.data;
  const messages = meta?.messages ?? [];
  const fields = FIELD_OF[error] ? [{ field: FIELD_OF[error]!, message: error }] : fieldsFromMessages(messages);
  const detail = needed ? ` (needs scope ${needed})` : messages.length > 0 ? ` (${messages.join('; ')})` : '';
  return { code: error, message: `${error}${detail}`, fields, kind: kindOfSlackError(error) };
}

/** HTTP 200 with `ok: false` is a failure of the kind its code names. */
export function classifySlackOutcome(response: VendorResponse): ErrorKind | undefined {
  if (response.status !== 200) return undefined;
  const parsed = slackErrorSchema.safeParse(response.body);
  return parsed.success ? kindOfSlackError(parsed.data.error) : undefined;
}
