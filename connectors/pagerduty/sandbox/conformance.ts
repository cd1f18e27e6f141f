/**
 * The sandbox as the messaging conformance suite and `forge sandbox pagerduty` see it.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { MessagingErrorStatus, MessagingSandbox } from '../../../test/conformance/messaging.js';
import { invalidEvent, throttled } from './errors.js';
import { startPagerDutySandbox, type PagerDutySandboxOptions } from './server.js';

const EVENTS_HOST = 'events.pagerduty.com';

/**
 * The Events API's answer per status. It refuses keys with a 400 ("Invalid routing key"): the
 * 401 here only stands for an edge refusal the suite injects, in the same body shape.
 */
export function pagerdutyErrorResponse(status: MessagingErrorStatus, message?: string): SandboxResponse {
  switch (status) {
    case 400:
    case 422:
      return invalidEvent([message ?? "'payload.summary' is missing or blank"]);
    case 401:
      return invalidEvent([message ?? 'Invalid routing key'], 401);
    case 429:
      return message ? { ...throttled(), body: message } : throttled();
    case 500:
    case 503:
      return { status, headers: { 'content-type': 'application/json' }, body: { status: 'error', message: message ?? 'Internal Server Error' } };
  }
}

export async function pagerdutyMessagingSandbox(options: { canary: string } & PagerDutySandboxOptions): Promise<MessagingSandbox> {
  const { canary, ...rest } = options;
  // A key is 32 letters and digits: the canary padded to that.
  const sandbox = await startPagerDutySandbox({ routingKey: `${canary}${'R'.repeat(32)}`.slice(0, 32), ...rest });
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'integration_key',
    credentials: { routingKey: sandbox.routingKey },
    config: { eventsHost: EVENTS_HOST },
    deliveredIds: () => sandbox.store.alerts.map((a) => a.dedupKey),
    revokeCredentials: () => sandbox.revoke(),
    restoreCredentials: () => sandbox.restore(),
    errorResponse: pagerdutyErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox pagerduty`: one service integration and its key. */
export const pagerdutySandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startPagerDutySandbox({ port });
  return { baseUrl: sandbox.baseUrl, credentials: { routingKey: sandbox.routingKey }, config: { eventsHost: EVENTS_HOST }, stop: () => sandbox.stop() };
};
