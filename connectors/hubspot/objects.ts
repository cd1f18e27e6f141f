/**
 * The HubSpot objects this connector reads and writes, as data: which properties to ask for,
 * which property holds the modification time (contacts predate the `hs_` prefix and use
 * `lastmodifieddate`; companies and engagements use `hs_lastmodifieddate`), what to associate,
 * and how the natural key is looked up.
 */
export interface HubspotObject {
  name: 'contacts' | 'companies' | 'notes';
  /** As HubSpot names one record in association labels (`note_to_contact`). */
  singular: 'contact' | 'company' | 'note';
  modified: 'lastmodifieddate' | 'hs_lastmodifieddate';
  /** Read on every fetch: the default mapping's sources and the modification time. */
  properties: readonly string[];
  /** Associated object types whose ids ride along (notes → contacts, companies). */
  associations: ReadonlyArray<'contacts' | 'companies'>;
  /**
   * Contacts: `email` is a unique-value property, so batch read takes `idProperty: email`.
   * Companies: `domain` is not unique through the API (HubSpot de-duplicates companies only in
   * its UI), so the lookup is a search with `domain IN [...]`.
   */
  naturalKey?: { property: 'email'; via: 'idProperty' } | { property: 'domain'; via: 'search' };
  /**
   * CRM v3 notes carry no type field (the endpoint is the type); the source stamps the name the
   * engagements API gave it, so a mapping can stay data.
   */
  engagementType?: 'NOTE';
}

export const CONTACTS: HubspotObject = {
  name: 'contacts', singular: 'contact', modified: 'lastmodifieddate', associations: [],
  properties: ['email', 'firstname', 'lastname', 'jobtitle', 'phone', 'associatedcompanyid', 'createdate', 'lastmodifieddate'],
  naturalKey: { property: 'email', via: 'idProperty' },
};

export const COMPANIES: HubspotObject = {
  name: 'companies', singular: 'company', modified: 'hs_lastmodifieddate', associations: [],
  properties: ['name', 'domain', 'industry', 'numberofemployees', 'annualrevenue', 'createdate', 'hs_lastmodifieddate'],
  naturalKey: { property: 'domain', via: 'search' },
};

export const NOTES: HubspotObject = {
  name: 'notes', singular: 'note', modified: 'hs_lastmodifieddate', associations: ['contacts', 'companies'],
  properties: ['hs_timestamp', 'hs_note_body', 'hubspot_owner_id', 'hs_createdate', 'hs_lastmodifieddate'],
  engagementType: 'NOTE',
};

/** Computed by HubSpot: never written, never compared in verify. */
export const READ_ONLY_PROPERTIES = ['id', 'hs_object_id', 'createdate', 'hs_createdate', 'lastmodifieddate', 'hs_lastmodifieddate'];

/** Datetime properties, compared as instants in verify (HubSpot answers ISO with milliseconds). */
export const DATETIME_PROPERTIES = new Set(['createdate', 'hs_createdate', 'lastmodifieddate', 'hs_lastmodifieddate', 'hs_timestamp']);

/** HubSpot's limit on batch inputs, and on the results of one search page. */
export const BATCH_LIMIT = 100;
export const SEARCH_PAGE_LIMIT = 200;
/** The list endpoints serve at most 100 records a page. */
export const LIST_PAGE_LIMIT = 100;
