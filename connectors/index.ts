/**
 * The built-in catalogue: every connector folder's definition, registered at start.
 */
import type { ConnectorDefinitionInput } from '../src/registry/index.js';
import { dynamicsDefinition } from './dynamics/definition.js';
import { hubspotDefinition } from './hubspot/definition.js';
import { jiraDefinition } from './jira/definition.js';
import { netsuiteDefinition } from './netsuite/definition.js';
import { pagerdutyDefinition } from './pagerduty/definition.js';
import { postmarkDefinition } from './postmark/definition.js';
import { salesforceDefinition } from './salesforce/definition.js';
import { sendgridDefinition } from './sendgrid/definition.js';
import { slackDefinition } from './slack/definition.js';
import { slackWebhookDefinition } from './slack-webhook/definition.js';
import { stripeDefinition } from './stripe/definition.js';
import { teamsDefinition } from './teams/definition.js';
import { teamsWebhookDefinition } from './teams-webhook/definition.js';
import { twilioDefinition } from './twilio/definition.js';
import { whatsappDefinition } from './whatsapp/definition.js';
import { zendeskDefinition } from './zendesk/definition.js';

export const builtInConnectors: ConnectorDefinitionInput[] = [
  dynamicsDefinition, hubspotDefinition, jiraDefinition, netsuiteDefinition, pagerdutyDefinition, postmarkDefinition, salesforceDefinition, sendgridDefinition,
  slackDefinition, slackWebhookDefinition, stripeDefinition, teamsDefinition, teamsWebhookDefinition, twilioDefinition, whatsappDefinition, zendeskDefinition,
];
