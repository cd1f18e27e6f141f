/**
 * The sandbox as the messaging conformance suite and `forge sandbox twilio` see it.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { authenticate, invalidTo, tooManyRequests, twilioError } from './errors.js';
import { startTwilioSandbox, type TwilioSandboxOptions } from './server.js';

/** Twilio's answer per status; `message` replaces Twilio's sentence where the suite echoes text. */
export function twilioErrorResponse(status: MessagingErrorStatus, message?: string): SandboxResponse {
  const answer = (() => {
    switch (status) {
      case 400:
      case 422:
        return invalidTo('+1555');
      case 401:
        return authenticate();
      case 429:
        return tooManyRequests();
      case 500:
        return twilioError(500, 20500, 'Internal Server Error');
      case 503:
        return twilioError(503, 20503, 'Service Unavailable');
    }
  })();
  return message ? { ...answer, body: { ...(answer.body as object), message } } : answer;
}

export async function twilioMessagingSandbox(options: { canary: string } & TwilioSandboxOptions): Promise<MessagingSandbox> {
  const { canary, ...rest } = options;
  const sandbox = await startTwilioSandbox({ authToken: `${canary}${'0'.repeat(32)}`.slice(0, 32), ...rest });
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'auth_token',
    credentials: { authToken: sandbox.authToken },
    config: { accountSid: sandbox.accountSid, from: sandbox.from },
    deliveredIds: () => sandbox.store.messages.map((m) => m.sid),
    revokeCredentials: () => sandbox.revoke(),
    restoreCredentials: () => sandbox.restore(),
    errorResponse: twilioErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox twilio`: one account, its auth token and API key, the test From number. */
export const twilioSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startTwilioSandbox({ port });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { authToken: sandbox.authToken, apiKeySid: sandbox.apiKeySid, apiKeySecret: sandbox.apiKeySecret },
    config: { accountSid: sandbox.accountSid, from: sandbox.from, messagingServiceSid: sandbox.messagingServiceSid },
    stop: () => sandbox.stop(),
  };
};
