/**
 * The integration key travels in the event body (`routing_key`), not in a header, so no auth
 * strategy carries it: it is read from the store at the moment of use (ctx.credentials, the
 * vendor-quirk path) and checked before any HTTP call. The executor scrubs it from errors and
 * logs like every stored secret.
 */
import { ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';

export const ROUTING_KEY_FIELD = 'routingKey';

export async function routingKeyOf(ctx: ConnectorContext): Promise<string> {
  const key = (await ctx.credentials())[ROUTING_KEY_FIELD];
  if (!key) {
    throw new ConnectorError(`pagerduty: the secret field "${ROUTING_KEY_FIELD}" is missing: enter the integration key of an Events API v2 integration`, {
      kind: 'permanent', code: 'missing_secret', fields: [{ field: ROUTING_KEY_FIELD, message: 'is required' }],
    });
  }
  if (!/^[A-Za-z0-9]{32}$/.test(key)) {
    throw new ConnectorError(`pagerduty: the secret field "${ROUTING_KEY_FIELD}" must be the 32-character integration key (letters and digits)`, {
      kind: 'permanent', code: 'invalid_secret', fields: [{ field: ROUTING_KEY_FIELD, message: 'must be 32 letters and digits' }],
    });
  }
  return key;
}
