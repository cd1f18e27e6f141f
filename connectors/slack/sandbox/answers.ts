/**
 * Slack's answers: `{ ok: true, … }` and `{ ok: false, error }` at HTTP 200, a 429 with
 * Retry-After for rate limits (docs.slack.dev/apis/web-api/rate-limits), and the plain-text
 * answers of incoming webhooks (`ok`, `no_text`, `invalid_payload`…).
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

export function slackOk(body: Record<string, unknown>): SandboxResponse {
  return { status: 200, body: { ok: true, ...body } };
}

export function slackError(error: string, extra: Record<string, unknown> = {}): SandboxHttpError {
  return new SandboxHttpError(200, { ok: false, error, ...extra });
}

export function invalidArguments(messages: string[]): SandboxHttpError {
  return slackError('invalid_arguments', { response_metadata: { messages } });
}

export const RATELIMITED_BODY = { ok: false, error: 'ratelimited' };

export function ratelimited(retryAfterSeconds: number): SandboxResponse {
  return { status: 429, headers: { 'retry-after': String(Math.max(1, retryAfterSeconds)) }, body: RATELIMITED_BODY };
}

/** Incoming webhooks answer plain text, the error code itself (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks). */
export function webhookText(status: number, text: string): SandboxResponse {
  return { status, headers: { 'content-type': 'text/html' }, body: text };
}
