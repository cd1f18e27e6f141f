/**
 * The Slack stand-in as the shared messaging conformance suite sees it: secrets carrying the
 * suite's canary, the messages it accepted, a revocable token, and Slack's answer per status.
 * Slack refuses content with HTTP 200 `{ ok: false }`; the 400 and 422 here carry Slack's own
 * `invalid_arguments` body under those statuses, for the suite's sake. A refused token is Slack's
 * HTTP 200 `invalid_auth`.
 */
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { RATELIMITED_BODY } from './answers.js';
import { startSlackSandbox } from './start.js';

export function slackErrorAnswer(status: MessagingErrorStatus, message?: string): SandboxResponse {
  const said = message ? { response_metadata: { messages: [message] } } : {};
  switch (status) {
    case 400:
    case 422:
      return { status, body: { ok: false, error: 'invalid_arguments', response_metadata: { messages: [message ?? '[ERROR] missing required field: text'] } } };
    case 401:
      return { status: 200, body: { ok: false, error: 'invalid_auth', ...said } };
    case 429:
      return { status, headers: { 'retry-after': '1' }, body: RATELIMITED_BODY };
    case 500:
      return { status, body: { ok: false, error: 'internal_error', ...said } };
    case 503:
      return { status, body: { ok: false, error: 'service_unavailable', ...said } };
  }
}

export async function slackMessagingSandbox(options: { canary: string }): Promise<MessagingSandbox> {
  const sandbox = await startSlackSandbox({
    rateLimit: false, botToken: `xoxb-1234567890-1234567890123-${options.canary}`, signingSecret: `${options.canary}0123456789abcdef`.slice(0, 32),
  });
  const channels = [sandbox.channels.general, sandbox.channels.random];
  return {
    baseUrl: sandbox.baseUrl, server: sandbox.server as SandboxServer<unknown>, authMethodId: 'bot_token',
    credentials: { botToken: sandbox.botToken, signingSecret: sandbox.signingSecret }, config: { botId: sandbox.botId, channel: sandbox.channels.general },
    deliveredIds: () => channels.flatMap((c) => sandbox.messages(c)).map((m) => m.ts).sort(),
    revokeCredentials: () => sandbox.revokeToken(),
    restoreCredentials: () => sandbox.restoreToken(),
    errorResponse: slackErrorAnswer,
    stop: () => sandbox.stop(),
  };
}
