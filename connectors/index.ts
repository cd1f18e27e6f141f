/**
 * The built-in catalogue: every connector folder's definition, registered at start.
 */
import type { ConnectorDefinitionInput } from '../src/registry/index.js';
import { hubspotDefinition } from './hubspot/definition.js';
import { jiraDefinition } from './jira/definition.js';
import { salesforceDefinition } from './salesforce/definition.js';
import { stripeDefinition } from './stripe/definition.js';
import { zendeskDefinition } from './zendesk/definition.js';

export const builtInConnectors: ConnectorDefinitionInput[] = [hubspotDefinition, jiraDefinition, salesforceDefinition, stripeDefinition, zendeskDefinition];
