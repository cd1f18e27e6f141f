/**
 * The sandbox as the messaging conformance suite and `forge sandbox postmark` see it.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { badToken, invalidRequest, postmarkError, rateLimited } from './errors.js';
import { DEFAULT_SIGNATURE, startPostmarkSandbox, type PostmarkSandboxOptions } from './server.js';

/** Postmark's answer per status; `message` replaces Postmark's sentence where the suite echoes text. */
export function postmarkErrorResponse(status: MessagingErrorStatus, message?: string): SandboxResponse {
  const answer = (() => {
    switch (status) {
      case 400:
      case 422:
        return invalidRequest("Invalid 'To' address: 'nobody@'.");
      case 401:
        return badToken();
      case 429:
        return rateLimited();
      case 500:
        return postmarkError(500, 0, 'Internal Server Error');
      case 503:
        return postmarkError(503, 100, 'Maintenance');
    }
  })();
  return message ? { ...answer, body: { ...(answer.body as object), Message: message } } : answer;
}

export async function postmarkMessagingSandbox(options: { canary: string } & PostmarkSandboxOptions): Promise<MessagingSandbox> {
  const { canary, ...rest } = options;
  const sandbox = await startPostmarkSandbox({ serverToken: `${canary}-0000-4000-8000-000000000000`, ...rest });
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'server_token',
    credentials: { serverToken: sandbox.serverToken },
    config: { messageStream: 'outbound', fromEmail: DEFAULT_SIGNATURE, fromName: 'Forgeworks' },
    deliveredIds: () => sandbox.store.sent.map((m) => m.messageId),
    revokeCredentials: () => sandbox.revoke(),
    restoreCredentials: () => sandbox.restore(),
    errorResponse: postmarkErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox postmark`: one server, its token, one confirmed Sender Signature. */
export const postmarkSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startPostmarkSandbox({ port });
  return { baseUrl: sandbox.baseUrl, credentials: { serverToken: sandbox.serverToken }, config: { messageStream: 'outbound', fromEmail: DEFAULT_SIGNATURE }, stop: () => sandbox.stop() };
};
