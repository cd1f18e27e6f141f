/**
 * PagerDuty, Events API v2: alert events (trigger, acknowledge, resolve) sent to one service
 * through its Events API v2 integration. Data first; the event shape, the routing key (which
 * travels in the body) and the error body live in the files this one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { parsePagerDutyError } from './errors.js';
import { pagerdutyGuide } from './guide.js';
import { testPagerDutyConnection } from './health.js';
import { ROUTING_KEY_FIELD } from './routing-key.js';
import { DEFAULT_SOURCE, sendPagerDuty } from './send.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).pagerdutySandboxFactory(options);

export const pagerdutyDefinition: ConnectorDefinitionInput = {
  id: 'pagerduty',
  name: 'PagerDuty (Events API v2)',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://developer.pagerduty.com/docs/events-api-v2/overview/',
  description: 'Triggers, acknowledges and resolves PagerDuty alerts through a service\'s Events API v2 integration.',
  auth: [{
    // The key is not a header: it goes in the event body (routing_key), read from the store by send.
    id: 'integration_key', type: 'none', label: 'Integration key',
    fields: [{ name: ROUTING_KEY_FIELD, label: 'Integration key', type: 'password', secret: true, required: true, pattern: '^[A-Za-z0-9]{32}$', help: 'The Integration Key of an Events API V2 integration on the service.' }],
  }],
  connection: [
    {
      name: 'eventsHost', label: 'Service region', type: 'select', required: true, default: 'events.pagerduty.com',
      options: [{ value: 'events.pagerduty.com', label: 'US (events.pagerduty.com)' }, { value: 'events.eu.pagerduty.com', label: 'EU (events.eu.pagerduty.com)' }],
    },
    { name: 'source', label: 'Default source', type: 'text', default: DEFAULT_SOURCE, help: 'payload.source when a message names none: the affected system, e.g. a host name.' },
  ],
  allowedDomains: ['events.pagerduty.com', 'events.eu.pagerduty.com'],
  baseUrl: 'https://{eventsHost}',
  errorParser: parsePagerDutyError,
  messaging: { send: sendPagerDuty },
  testConnection: testPagerDutyConnection,
  guide: pagerdutyGuide,
  sandbox,
};
