/**
 * Default field mappings, as data (a tenant may override them per connection). Issues become
 * activities: the type is the issue type, the time is the last update, and the person is the
 * assignee's account id (the `externalId` of the users stream). Users become people, keyed by
 * email where the profile lets it be seen.
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

export const issueMapping: MappingInput = [
  { target: 'type', source: 'fields.issuetype.name', transform: 'lowercase' },
  { target: 'occurredAt', source: 'fields.updated', transform: 'date' },
  { target: 'personExternalId', source: 'fields.assignee.accountId' },
  { target: 'properties.key', source: 'key' },
  { target: 'properties.summary', source: 'fields.summary' },
  { target: 'properties.status', source: 'fields.status.name' },
  { target: 'properties.statusCategory', source: 'fields.status.statusCategory.key' },
  { target: 'properties.priority', source: 'fields.priority.name' },
  { target: 'properties.assignee', source: 'fields.assignee.displayName' },
  { target: 'properties.project', source: 'fields.project.key' },
  { target: 'properties.labels', source: 'fields.labels' },
  { target: 'properties.description', source: '_derived.descriptionText' },
  { target: 'properties.createdAt', source: 'fields.created', transform: 'date' },
];

export const userMapping: MappingInput = [
  { target: 'email', source: 'emailAddress', transform: 'lowercase' },
  { target: 'firstName', source: '_derived.firstName' },
  { target: 'lastName', source: '_derived.lastName' },
  { target: 'properties.displayName', source: 'displayName' },
  { target: 'properties.accountType', source: 'accountType' },
  { target: 'properties.timeZone', source: 'timeZone' },
  { target: 'properties.locale', source: 'locale' },
];

/**
 * Canonical activity → a Jira issue, for loads. `target` is the flat issue field the destination
 * takes (see fields.ts), `source` the canonical field. Project and issue type come from the
 * record or, when absent, from the connection's defaults.
 */
export const issueDestinationMapping: MappingInput = [
  { target: 'summary', source: 'properties.summary' },
  { target: 'description', source: 'properties.description' },
  { target: 'priority', source: 'properties.priority' },
  { target: 'status', source: 'properties.status' },
  { target: 'labels', source: 'properties.labels' },
  { target: 'project', source: 'properties.project' },
  { target: 'assignee', source: 'personExternalId' },
];
