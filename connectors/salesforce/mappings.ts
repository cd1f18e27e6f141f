/**
 * Default field mappings between Salesforce fields and the canonical records, as data (a tenant
 * may override them per connection). Salesforce's JSON is typed, so numbers arrive as numbers;
 * emails and domains are lower-cased, as the canonical records keep them.
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

export const contactMapping: MappingInput = [
  { target: 'email', source: 'Email', transform: 'lowercase' },
  { target: 'firstName', source: 'FirstName' },
  { target: 'lastName', source: 'LastName' },
  { target: 'title', source: 'Title' },
  { target: 'phone', source: 'Phone' },
  { target: 'accountExternalId', source: 'AccountId' },
  { target: 'properties.ownerId', source: 'OwnerId' },
];

export const accountMapping: MappingInput = [
  { target: 'name', source: 'Name' },
  { target: 'domain', source: '_derived.domain', transform: 'lowercase' },
  { target: 'industry', source: 'Industry' },
  { target: 'employeeCount', source: 'NumberOfEmployees', transform: 'number' },
  { target: 'annualRevenue', source: 'AnnualRevenue', transform: 'number' },
  { target: 'properties.website', source: 'Website' },
  { target: 'properties.phone', source: 'Phone' },
];

/** TaskSubtype (Task, Email, ListEmail, Cadence, Call, LinkedIn) as the canonical activity type. */
export const taskMapping: MappingInput = [
  { target: 'type', source: '_derived.activityType', valueMap: { Task: 'task', Email: 'email', ListEmail: 'email', Cadence: 'task', Call: 'call', LinkedIn: 'linkedin' } },
  { target: 'occurredAt', source: '_derived.occurredAt', transform: 'date' },
  { target: 'personExternalId', source: '_derived.contactId' },
  { target: 'accountExternalId', source: 'AccountId' },
  { target: 'properties.subject', source: 'Subject' },
  { target: 'properties.status', source: 'Status' },
  { target: 'properties.priority', source: 'Priority' },
  { target: 'properties.description', source: 'Description' },
  { target: 'properties.ownerId', source: 'OwnerId' },
];

/** Canonical → Salesforce, for loads: `target` is the Salesforce field, `source` the canonical one. */
export const contactDestinationMapping: MappingInput = [
  { target: 'Email', source: 'email', transform: 'lowercase' },
  { target: 'FirstName', source: 'firstName' },
  { target: 'LastName', source: 'lastName' },
  { target: 'Title', source: 'title' },
  { target: 'Phone', source: 'phone' },
  { target: 'AccountId', source: 'accountExternalId' },
];

export const accountDestinationMapping: MappingInput = [
  { target: 'Name', source: 'name' },
  { target: 'Website', source: 'domain', transform: 'lowercase' },
  { target: 'Industry', source: 'industry' },
  { target: 'NumberOfEmployees', source: 'employeeCount' },
  { target: 'AnnualRevenue', source: 'annualRevenue' },
];
