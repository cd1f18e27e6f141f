/**
 * Default mappings between Zendesk records and canonical ones, as data (a tenant may override
 * them per connection). Zendesk ids are integers; `trim` turns them into the strings canonical
 * external ids are. A user's first and last name come from `_derived` (see names.ts).
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

export const userToPerson: MappingInput = [
  { target: 'email', source: 'email', transform: 'lowercase' },
  { target: 'firstName', source: '_derived.first_name' },
  { target: 'lastName', source: '_derived.last_name' },
  { target: 'phone', source: 'phone', transform: 'trim' },
  { target: 'accountExternalId', source: 'organization_id', transform: 'trim' },
  { target: 'properties.name', source: 'name' },
  { target: 'properties.role', source: 'role' },
  { target: 'properties.externalId', source: 'external_id' },
  { target: 'properties.tags', source: 'tags' },
  { target: 'properties.timeZone', source: 'time_zone' },
  { target: 'properties.verified', source: 'verified' },
  { target: 'properties.suspended', source: 'suspended' },
  { target: 'properties.createdAt', source: 'created_at', transform: 'date' },
];

export const organizationToAccount: MappingInput = [
  { target: 'name', source: 'name' },
  { target: 'domain', source: 'domain_names.0', transform: 'lowercase' },
  { target: 'properties.externalId', source: 'external_id' },
  { target: 'properties.domainNames', source: 'domain_names' },
  { target: 'properties.details', source: 'details' },
  { target: 'properties.notes', source: 'notes' },
  { target: 'properties.tags', source: 'tags' },
  { target: 'properties.groupId', source: 'group_id', transform: 'trim' },
  { target: 'properties.createdAt', source: 'created_at', transform: 'date' },
];

export const ticketToActivity: MappingInput = [
  { target: 'type', source: '_derived.object' },
  { target: 'channel', source: 'via.channel' },
  { target: 'occurredAt', source: 'created_at', transform: 'date' },
  { target: 'personExternalId', source: 'requester_id', transform: 'trim' },
  { target: 'accountExternalId', source: 'organization_id', transform: 'trim' },
  { target: 'properties.subject', source: 'subject' },
  { target: 'properties.status', source: 'status' },
  { target: 'properties.priority', source: 'priority' },
  { target: 'properties.ticketType', source: 'type' },
  { target: 'properties.assigneeId', source: 'assignee_id', transform: 'trim' },
  { target: 'properties.groupId', source: 'group_id', transform: 'trim' },
  { target: 'properties.tags', source: 'tags' },
  { target: 'properties.externalId', source: 'external_id' },
  { target: 'properties.updatedAt', source: 'updated_at', transform: 'date' },
];

/** Canonical → Zendesk, for loads: `target` is the Zendesk attribute, `source` the canonical field. */
export const personToUser: MappingInput = [
  { target: 'email', source: 'email', transform: 'lowercase' },
  { target: 'name', source: 'properties.name' },
  { target: '_derived.first_name', source: 'firstName' },
  { target: '_derived.last_name', source: 'lastName' },
  { target: 'phone', source: 'phone' },
  { target: 'organization_id', source: 'accountExternalId' },
  { target: 'external_id', source: 'properties.externalId' },
  { target: 'tags', source: 'properties.tags' },
];

export const accountToOrganization: MappingInput = [
  { target: 'name', source: 'name' },
  // A string is sent as a one-element list (destination/fields.ts).
  { target: 'domain_names', source: 'domain', transform: 'lowercase' },
  { target: 'external_id', source: 'properties.externalId' },
  { target: 'details', source: 'properties.details' },
  { target: 'notes', source: 'properties.notes' },
  { target: 'tags', source: 'properties.tags' },
];
