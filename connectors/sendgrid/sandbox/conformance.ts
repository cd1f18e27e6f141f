/**
 * The sandbox as the messaging conformance suite and `forge sandbox sendgrid` see it.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { invalidGrant, sendgridErrors, tooManyRequests } from './errors.js';
import { DEFAULT_SENDER, startSendGridSandbox, type SendGridSandboxOptions } from './server.js';
import { help } from './validate.js';

const API_HOST = 'api.sendgrid.com';

/** SendGrid's answer per status; `message` replaces SendGrid's sentence where the suite echoes text. */
export function sendgridErrorResponse(status: MessagingErrorStatus, message?: string): SandboxResponse {
  switch (status) {
    case 400:
    case 422: {
      const field = 'personalizations.0.to.0.email';
      return sendgridErrors(status, [{ message: message ?? 'Does not contain a valid address.', field, help: help(field) }]);
    }
    case 401:
      return message ? sendgridErrors(401, [{ message, field: null, help: null }]) : invalidGrant();
    case 429:
      return message ? sendgridErrors(429, [{ message, field: null, help: null }]) : tooManyRequests({ 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0' });
    case 500:
    case 503:
      return sendgridErrors(status, [{ message: message ?? (status === 500 ? 'internal server error' : 'service unavailable'), field: null, help: null }]);
  }
}

export async function sendgridMessagingSandbox(options: { canary: string } & SendGridSandboxOptions): Promise<MessagingSandbox> {
  const { canary, ...rest } = options;
  const sandbox = await startSendGridSandbox({ apiKey: `SG.${canary}.${canary}ZZ`, ...rest });
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'api_key',
    credentials: { apiKey: sandbox.apiKey },
    config: { apiHost: API_HOST, fromEmail: DEFAULT_SENDER, fromName: 'Forgeworks' },
    deliveredIds: () => sandbox.store.delivered.map((m) => m.messageId),
    revokeCredentials: () => sandbox.revoke(),
    restoreCredentials: () => sandbox.restore(),
    errorResponse: sendgridErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox sendgrid`: one key with Mail Send, one verified sender. */
export const sendgridSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startSendGridSandbox({ port });
  return { baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey }, config: { apiHost: API_HOST, fromEmail: DEFAULT_SENDER }, stop: () => sandbox.stop() };
};
