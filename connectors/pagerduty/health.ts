/**
 * Connection check. The Events API has no read endpoint: PagerDuty checks an integration key
 * only when an event arrives, and any event reaches the on-call. So the check sends nothing and
 * says so: it confirms the key is stored and has the shape of an integration key.
 */
import { isConnectorError } from '../../src/core/index.js';
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { routingKeyOf } from './routing-key.js';

export async function testPagerDutyConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  try {
    await routingKeyOf(ctx);
    return { ok: true, message: 'The integration key has the right shape. PagerDuty checks it only when an event is sent, so nothing was sent now.' };
  } catch (error) {
    if (isConnectorError(error)) return { ok: false, message: error.message };
    throw error;
  }
}
