/**
 * The shared messaging conformance suite, unchanged, against the Teams (Graph) sandbox, app-only.
 */
import { messagingConformance } from '../../test/conformance/messaging.js';
import { teamsDefinition } from './definition.js';
import { teamsMessagingSandbox } from './sandbox/index.js';

let channel = '';

messagingConformance({
  definition: teamsDefinition,
  start: async ({ canary }) => {
    const sandbox = await teamsMessagingSandbox({ canary });
    channel = String(sandbox.config.channel);
    return sandbox;
  },
  validMessage: (i) => ({ channel, text: `Build #${i} passed` }),
  invalidMessage: () => ({ message: { channel: 'general', text: 'no team named' }, field: 'channel' }),
  secretField: 'clientSecret',
  refusal: { status: 400, field: 'body.content' },
  idempotency: { dedupes: false, why: 'Graph takes no idempotency key for channel messages, so a repeated send posts again (and the executor never replays a post whose answer was lost)' },
});
