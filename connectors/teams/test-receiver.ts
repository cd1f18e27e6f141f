/** Tests only: a Graph notification URL on loopback (accepted events answered 202, as Graph expects). */
import type { InboundOutcome, InboundRequest } from '../../src/registry/index.js';
import { startReceiver as startInboundReceiver, type Receiver } from '../../test/support/inbound-receiver.js';

export type { Receiver };

export function startReceiver(capture: (request: InboundRequest) => InboundOutcome | Promise<InboundOutcome>): Promise<Receiver> {
  return startInboundReceiver(capture, { path: '/graph/notifications', acceptStatus: 202 });
}
