/**
 * The Teams stand-in as the shared messaging conformance suite sees it. The suite counts the
 * requests of a send and injects faults into "the vendor"; here that is Graph, while the token
 * endpoint (login.microsoftonline.com, which the platform routes to the same loopback port) is
 * another service. So the suite gets a view of the server without the token calls: its request
 * log leaves them out, and its faults never hit them.
 */
import type { FaultRule, SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { errorAnswer } from './answers.js';
import { startTeamsSandbox } from './start.js';

const isToken = (req: Pick<SandboxRequest, 'path'>) => req.path.endsWith('/oauth2/v2.0/token');

export function graphErrorAnswer(status: MessagingErrorStatus, message?: string): SandboxResponse {
  const none = { headers: {} };
  switch (status) {
    case 400:
    case 422:
      return errorAnswer(none, status, 'BadRequest', message ?? "Missing or empty required property 'body.content'.");
    case 401:
      return errorAnswer(none, 401, 'InvalidAuthenticationToken', message ?? 'Access token validation failure. Invalid audience.');
    case 429:
      return errorAnswer(none, 429, 'TooManyRequests', message ?? 'Too many requests.', { 'retry-after': '1' });
    case 500:
      return errorAnswer(none, 500, 'InternalServerError', message ?? 'Internal server error.');
    case 503:
      return errorAnswer(none, 503, 'ServiceNotAvailable', message ?? 'Service is temporarily unavailable.', { 'retry-after': '1' });
  }
}

/** The server as the suite sees Graph: no token calls in the log, no faults on them. */
function graphView(server: SandboxServer<unknown>): SandboxServer<unknown> {
  const view = {
    faults: {
      add: (rule: FaultRule) => server.faults.add({ ...rule, match: (req: SandboxRequest) => !isToken(req) && (rule.match?.(req) ?? true) }),
      clear: () => server.faults.clear(),
    },
    get requestLog() { return server.requestLog.filter((r) => !isToken(r)); },
    clearLog: () => server.clearLog(),
  };
  return view as unknown as SandboxServer<unknown>;
}

export async function teamsMessagingSandbox(options: { canary: string }): Promise<MessagingSandbox> {
  const sandbox = await startTeamsSandbox({ clientSecret: `${options.canary}~secret`, clientState: `${options.canary}-state` });
  return {
    baseUrl: sandbox.baseUrl, server: graphView(sandbox.server as SandboxServer<unknown>), authMethodId: 'app_only',
    // The client id is not secret (it is every post's from.application.id), so it carries no canary.
    credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, clientState: sandbox.clientState },
    config: { tenantId: sandbox.tenantId, channel: sandbox.channels.general },
    deliveredIds: () => sandbox.messages(sandbox.channels.general).filter((m) => !m.deletedDateTime).map((m) => m.id),
    // Consent withdrawn: Graph refuses the app (403); the token endpoint is another service.
    revokeCredentials: () => sandbox.revokeConsent(),
    restoreCredentials: () => sandbox.restoreConsent(),
    errorResponse: graphErrorAnswer,
    stop: () => sandbox.stop(),
  };
}
