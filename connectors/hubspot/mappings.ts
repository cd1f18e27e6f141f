/**
 * Default field mappings between HubSpot's `properties.*` and the canonical records, as data (a
 * tenant may override them per connection). HubSpot sends every value as a string, so numbers
 * and dates are converted here, and emails and domains lower-cased as HubSpot stores them.
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

export const contactMapping: MappingInput = [
  { target: 'email', source: 'properties.email', transform: 'lowercase' },
  { target: 'firstName', source: 'properties.firstname' },
  { target: 'lastName', source: 'properties.lastname' },
  { target: 'title', source: 'properties.jobtitle' },
  { target: 'phone', source: 'properties.phone' },
  // The contact's primary company, which HubSpot keeps as a property.
  { target: 'accountExternalId', source: 'properties.associatedcompanyid' },
];

export const companyMapping: MappingInput = [
  { target: 'name', source: 'properties.name' },
  { target: 'domain', source: 'properties.domain', transform: 'lowercase' },
  { target: 'industry', source: 'properties.industry' },
  { target: 'employeeCount', source: 'properties.numberofemployees', transform: 'number' },
  { target: 'annualRevenue', source: 'properties.annualrevenue', transform: 'number' },
];

export const noteMapping: MappingInput = [
  { target: 'type', source: 'engagementType', valueMap: { NOTE: 'note' } },
  { target: 'occurredAt', source: 'properties.hs_timestamp', transform: 'date' },
  { target: 'personExternalId', source: 'associations.contacts.results.0.id' },
  { target: 'accountExternalId', source: 'associations.companies.results.0.id' },
  { target: 'properties.body', source: 'properties.hs_note_body' },
  { target: 'properties.ownerId', source: 'properties.hubspot_owner_id' },
];

/** Canonical → HubSpot, for loads: `target` is the HubSpot property, `source` the canonical field. */
export const contactDestinationMapping: MappingInput = [
  { target: 'email', source: 'email', transform: 'lowercase' },
  { target: 'firstname', source: 'firstName' },
  { target: 'lastname', source: 'lastName' },
  { target: 'jobtitle', source: 'title' },
  { target: 'phone', source: 'phone' },
];

export const companyDestinationMapping: MappingInput = [
  { target: 'name', source: 'name' },
  { target: 'domain', source: 'domain', transform: 'lowercase' },
  { target: 'industry', source: 'industry' },
  { target: 'numberofemployees', source: 'employeeCount' },
  { target: 'annualrevenue', source: 'annualRevenue' },
];
