/**
 * Default mappings between Dataverse rows and canonical records, as data (a tenant may override
 * them per connection). Dataverse's JSON is typed, so numbers arrive as numbers; emails and
 * domains are lower-cased as the canonical records keep them. Choice columns map through their
 * labels and lookups through the table they point at, both read into `_derived` (records.ts).
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

export const contactToPerson: MappingInput = [
  { target: 'email', source: 'emailaddress1', transform: 'lowercase' },
  { target: 'firstName', source: 'firstname' },
  { target: 'lastName', source: 'lastname' },
  { target: 'title', source: 'jobtitle' },
  { target: 'phone', source: 'telephone1' },
  { target: 'accountExternalId', source: '_derived.accountId' },
  { target: 'properties.fullName', source: 'fullname' },
  { target: 'properties.mobilePhone', source: 'mobilephone' },
  { target: 'properties.city', source: 'address1_city' },
  { target: 'properties.country', source: 'address1_country' },
  { target: 'properties.status', source: '_derived.status' },
  { target: 'properties.createdAt', source: 'createdon', transform: 'date' },
];

export const accountToAccount: MappingInput = [
  { target: 'name', source: 'name' },
  { target: 'domain', source: '_derived.domain', transform: 'lowercase' },
  { target: 'industry', source: '_derived.industry' },
  { target: 'employeeCount', source: 'numberofemployees', transform: 'number' },
  { target: 'annualRevenue', source: 'revenue', transform: 'number' },
  { target: 'properties.website', source: 'websiteurl' },
  { target: 'properties.email', source: 'emailaddress1', transform: 'lowercase' },
  { target: 'properties.phone', source: 'telephone1' },
  { target: 'properties.city', source: 'address1_city' },
  { target: 'properties.country', source: 'address1_country' },
  { target: 'properties.parentAccountId', source: '_parentaccountid_value' },
  { target: 'properties.status', source: '_derived.status' },
];

export const taskToActivity: MappingInput = [
  { target: 'type', source: '_derived.type' },
  { target: 'occurredAt', source: '_derived.occurredAt', transform: 'date' },
  { target: 'personExternalId', source: '_derived.contactId' },
  { target: 'accountExternalId', source: '_derived.accountId' },
  { target: 'properties.subject', source: 'subject' },
  { target: 'properties.description', source: 'description' },
  { target: 'properties.status', source: '_derived.status' },
  { target: 'properties.priority', source: '_derived.priority' },
  { target: 'properties.dueAt', source: 'scheduledend', transform: 'date' },
  { target: 'properties.completedAt', source: 'actualend', transform: 'date' },
  { target: 'properties.ownerId', source: '_ownerid_value' },
];

/** Canonical → Dataverse, for loads: `target` is the column, `source` the canonical field. */
export const personToContact: MappingInput = [
  { target: 'emailaddress1', source: 'email', transform: 'lowercase' },
  { target: 'firstname', source: 'firstName' },
  { target: 'lastname', source: 'lastName' },
  { target: 'jobtitle', source: 'title' },
  { target: 'telephone1', source: 'phone' },
  // A GUID: written as parentcustomerid_account@odata.bind (destination/fields.ts).
  { target: '_parentcustomerid_value', source: 'accountExternalId' },
];

export const accountToDataverse: MappingInput = [
  { target: 'name', source: 'name' },
  { target: 'websiteurl', source: 'domain', transform: 'lowercase' },
  { target: 'numberofemployees', source: 'employeeCount', transform: 'number' },
  { target: 'revenue', source: 'annualRevenue', transform: 'number' },
];
