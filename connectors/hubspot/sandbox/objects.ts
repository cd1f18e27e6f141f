/**
 * The HubSpot objects the sandbox serves and the properties each one knows. HubSpot refuses a
 * write to a property that does not exist or is read-only, so the sandbox needs the list; the
 * names are HubSpot's default properties (Settings → Properties), not invented ones.
 */
export const OBJECT_TYPES = ['contacts', 'companies', 'notes'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface ObjectSpec {
  type: ObjectType;
  /** As HubSpot names it in messages: "Could not get some CONTACT objects". */
  upper: 'CONTACT' | 'COMPANY' | 'NOTE';
  /** Contacts predate the `hs_` prefix: `createdate`/`lastmodifieddate`; engagements use `hs_`. */
  created: 'createdate' | 'hs_createdate';
  modified: 'lastmodifieddate' | 'hs_lastmodifieddate';
  /** Returned when a request names no properties (HubSpot's documented defaults). */
  defaults: readonly string[];
  writable: ReadonlySet<string>;
  /** Numeric properties: a non-number is refused with INVALID_INTEGER / INVALID_DECIMAL. */
  numbers: ReadonlyMap<string, 'INVALID_INTEGER' | 'INVALID_DECIMAL'>;
  /** Properties matched by a search `query` (HubSpot's default searchable text properties). */
  searchable: readonly string[];
  /**
   * Contacts and companies refuse read-only and unknown properties; the notes API "ignores"
   * them (its reference says so for updates), so notes drop them silently.
   */
  strict: boolean;
}

const always = ['hs_object_id'];

export const SPECS: Record<ObjectType, ObjectSpec> = {
  contacts: {
    type: 'contacts', upper: 'CONTACT', created: 'createdate', modified: 'lastmodifieddate',
    defaults: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    writable: new Set(['email', 'firstname', 'lastname', 'jobtitle', 'phone', 'mobilephone', 'company', 'website', 'city', 'state', 'country', 'zip', 'address', 'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id', 'associatedcompanyid']),
    numbers: new Map([['associatedcompanyid', 'INVALID_INTEGER']]),
    searchable: ['firstname', 'lastname', 'email', 'phone', 'company'], strict: true,
  },
  companies: {
    type: 'companies', upper: 'COMPANY', created: 'createdate', modified: 'hs_lastmodifieddate',
    defaults: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    writable: new Set(['name', 'domain', 'industry', 'numberofemployees', 'annualrevenue', 'phone', 'website', 'city', 'state', 'country', 'zip', 'address', 'description', 'lifecyclestage', 'hubspot_owner_id', 'hs_additional_domains']),
    numbers: new Map([['numberofemployees', 'INVALID_INTEGER'], ['annualrevenue', 'INVALID_DECIMAL']]),
    searchable: ['name', 'domain', 'website', 'phone'], strict: true,
  },
  notes: {
    type: 'notes', upper: 'NOTE', created: 'hs_createdate', modified: 'hs_lastmodifieddate',
    defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    writable: new Set(['hs_timestamp', 'hs_note_body', 'hubspot_owner_id', 'hs_attachment_ids']),
    numbers: new Map(),
    searchable: ['hs_note_body'], strict: false,
  },
};

/** Datetime properties: stored as ISO strings, compared as instants by search filters. */
export const DATE_PROPERTIES = new Set(['createdate', 'hs_createdate', 'lastmodifieddate', 'hs_lastmodifieddate', 'hs_timestamp']);

/** Properties HubSpot computes; writing one is refused with READ_ONLY_VALUE. */
export function isReadOnly(spec: ObjectSpec, name: string): boolean {
  return name === spec.created || name === spec.modified || always.includes(name);
}

export function specFor(type: string): ObjectSpec | undefined {
  return (OBJECT_TYPES as readonly string[]).includes(type) ? SPECS[type as ObjectType] : undefined;
}

/** HubSpot's association type between a note and a contact or company (HUBSPOT_DEFINED ids). */
export const NOTE_ASSOCIATION_TYPES: Record<'contacts' | 'companies', { typeId: number; label: string }> = {
  contacts: { typeId: 202, label: 'note_to_contact' },
  companies: { typeId: 190, label: 'note_to_company' },
};
