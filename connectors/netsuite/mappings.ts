/**
 * Default mappings between NetSuite records and canonical ones, as data (a tenant may override
 * them per connection). Sources are SuiteQL columns (lower-case) and `_derived` values; loads go
 * to record API fields (camelCase). SuiteQL answers booleans as 'T'/'F', hence the value maps.
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

const TF = { T: true, F: false };

export const contactToPerson: MappingInput = [
  { target: 'email', source: 'email', transform: 'lowercase' },
  { target: 'firstName', source: 'firstname' },
  { target: 'lastName', source: 'lastname' },
  { target: 'title', source: 'title' },
  { target: 'phone', source: 'phone' },
  { target: 'accountExternalId', source: 'company' },
  { target: 'properties.entityId', source: 'entityid' },
  { target: 'properties.externalId', source: 'externalid' },
  { target: 'properties.subsidiary', source: 'subsidiary' },
  { target: 'properties.inactive', source: 'isinactive', valueMap: TF },
  { target: 'properties.createdAt', source: '_derived.createdAt', transform: 'date' },
  { target: 'properties.lastModifiedAt', source: '_derived.lastModifiedAt', transform: 'date' },
];

export const customerToAccount: MappingInput = [
  { target: 'name', source: '_derived.name' },
  { target: 'domain', source: '_derived.domain', transform: 'lowercase' },
  { target: 'properties.email', source: 'email', transform: 'lowercase' },
  { target: 'properties.phone', source: 'phone' },
  { target: 'properties.url', source: 'url' },
  { target: 'properties.entityId', source: 'entityid' },
  { target: 'properties.externalId', source: 'externalid' },
  { target: 'properties.subsidiary', source: 'subsidiary' },
  { target: 'properties.isPerson', source: 'isperson', valueMap: TF },
  { target: 'properties.inactive', source: 'isinactive', valueMap: TF },
  { target: 'properties.createdAt', source: '_derived.createdAt', transform: 'date' },
];

export const phonecallToActivity: MappingInput = [
  { target: 'type', source: '_derived.type' },
  { target: 'channel', source: '_derived.channel' },
  { target: 'occurredAt', source: '_derived.occurredAt', transform: 'date' },
  { target: 'personExternalId', source: 'contact' },
  { target: 'accountExternalId', source: 'company' },
  { target: 'properties.subject', source: 'title' },
  { target: 'properties.status', source: 'status', valueMap: { SCHEDULED: 'scheduled', COMPLETE: 'completed' } },
  { target: 'properties.priority', source: 'priority', transform: 'lowercase' },
  { target: 'properties.message', source: 'message' },
  { target: 'properties.phone', source: 'phone' },
  { target: 'properties.ownerId', source: 'owner' },
  { target: 'properties.externalId', source: 'externalid' },
];

/** Canonical → NetSuite, for loads: `target` is the record API field, `source` the canonical one. */
export const personToContact: MappingInput = [
  { target: 'email', source: 'email', transform: 'lowercase' },
  { target: 'firstName', source: 'firstName' },
  { target: 'lastName', source: 'lastName' },
  { target: 'title', source: 'title' },
  { target: 'phone', source: 'phone' },
  { target: 'company', source: 'accountExternalId' },
  { target: 'externalId', source: 'properties.externalId' },
];

export const accountToCustomer: MappingInput = [
  { target: 'companyName', source: 'name' },
  { target: 'url', source: 'domain', transform: 'lowercase' },
  { target: 'email', source: 'properties.email', transform: 'lowercase' },
  { target: 'phone', source: 'properties.phone' },
  { target: 'externalId', source: 'properties.externalId' },
];
