/**
 * The shared messaging conformance suite, unchanged, against the Slack sandbox.
 */
import { messagingConformance } from '../../test/conformance/messaging.js';
import { slackDefinition } from './definition.js';
import { slackMessagingSandbox } from './sandbox/index.js';

let channel = '';

messagingConformance({
  definition: slackDefinition,
  start: async ({ canary }) => {
    const sandbox = await slackMessagingSandbox({ canary });
    channel = (sandbox.config as { channel?: string }).channel ?? '';
    return sandbox;
  },
  validMessage: (i) => ({ channel, text: `Build #${i} passed` }),
  invalidMessage: () => ({ message: { text: 'nowhere to go' }, field: 'channel' }),
  secretField: 'botToken',
  refusal: { status: 400, field: 'text' },
  idempotency: { dedupes: false, why: 'chat.postMessage takes no idempotency key, so a repeated send posts again (and the executor never replays a post whose answer was lost)' },
});
