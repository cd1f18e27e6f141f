/**
 * The sandbox as the messaging conformance suite and `forge sandbox whatsapp` see it: the
 * token, the phone number id, what was delivered, and Graph's own answers per status.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { DEFAULT_API_VERSION } from '../paths.js';
import { graphError, serverError, unavailable } from './errors.js';
import { startWhatsAppSandbox, type WhatsAppSandboxOptions } from './server.js';

/** Graph's answer per status. Meta answers throttling with a 400; the 429 is Graph's app-level refusal. */
export function whatsappErrorResponse(status: MessagingErrorStatus, message?: string): SandboxResponse {
  switch (status) {
    case 400:
    case 422:
      return graphError({ status: 400, code: 100, message: message ?? "(#100) Param text['body'] must be at most 4096 characters long." });
    case 401:
      return graphError({ status: 401, code: 190, message: message ?? 'Invalid OAuth access token - Cannot parse access token' });
    case 429:
      return graphError({ status: 429, code: 130429, message: message ?? '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.' });
    case 500:
      return message ? graphError({ status: 500, code: 131000, message }) : serverError();
    case 503:
      return message ? graphError({ status: 503, code: 131016, message }) : unavailable();
  }
}

export async function whatsappMessagingSandbox(options: { canary: string } & WhatsAppSandboxOptions): Promise<MessagingSandbox> {
  const { canary, ...rest } = options;
  const sandbox = await startWhatsAppSandbox({ accessToken: `EAAJ${canary}ZDZD`, ...rest });
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'system_user_token',
    credentials: { accessToken: sandbox.accessToken },
    config: { phoneNumberId: sandbox.phoneNumberId, apiVersion: DEFAULT_API_VERSION },
    deliveredIds: () => sandbox.store.sent.map((m) => m.id),
    revokeCredentials: () => sandbox.revoke(),
    restoreCredentials: () => sandbox.restore(),
    errorResponse: whatsappErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox whatsapp`: one business number, its token, Meta's sample templates. */
export const whatsappSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startWhatsAppSandbox({ port });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { accessToken: sandbox.accessToken },
    config: { phoneNumberId: sandbox.phoneNumberId, apiVersion: DEFAULT_API_VERSION },
    stop: () => sandbox.stop(),
  };
};
