/**
 * The Dataverse tables this connector reads and writes, as data: entity set, primary key, the
 * columns asked for (`$select`), lookups (read as `_x_value`, written through a navigation
 * property with `@odata.bind`), what Dataverse computes itself, and the natural key of a load.
 * Column names and lengths: learn.microsoft.com/power-apps/developer/data-platform/reference/entities.
 */
export type ObjectName = 'contacts' | 'accounts' | 'tasks';

export interface WriteLookup {
  /** Single-valued navigation property used to set it, e.g. `parentcustomerid_account`. */
  navigation: string;
  /** Entity set of the records it points at. */
  set: string;
  /** Other targets, by entity set: a value written as `contacts(<guid>)` picks one. */
  alternatives?: Record<string, string>;
}

export interface DataverseEntity {
  object: ObjectName;
  set: ObjectName;
  logicalName: 'contact' | 'account' | 'task';
  primaryKey: string;
  columns: readonly string[];
  writeLookups: Readonly<Record<string, WriteLookup>>;
  /** Computed or system-set columns: never written, never compared by verify. */
  readOnly: readonly string[];
  /** Whole-number, decimal and choice columns: text like "42" is sent as a number. */
  numeric: readonly string[];
  naturalKey?: string;
}

const SYSTEM = ['createdon', 'modifiedon', 'versionnumber', '_ownerid_value', '@odata.etag', '_derived'];

export const CONTACTS: DataverseEntity = {
  object: 'contacts', set: 'contacts', logicalName: 'contact', primaryKey: 'contactid', naturalKey: 'emailaddress1',
  columns: [
    'contactid', 'firstname', 'lastname', 'fullname', 'emailaddress1', 'jobtitle', 'telephone1', 'mobilephone',
    '_parentcustomerid_value', 'address1_city', 'address1_country', 'description', 'statecode', 'createdon', 'modifiedon', 'versionnumber',
  ],
  writeLookups: { _parentcustomerid_value: { navigation: 'parentcustomerid_account', set: 'accounts', alternatives: { contacts: 'parentcustomerid_contact' } } },
  readOnly: ['contactid', 'fullname', ...SYSTEM],
  numeric: ['statecode'],
};

export const ACCOUNTS: DataverseEntity = {
  object: 'accounts', set: 'accounts', logicalName: 'account', primaryKey: 'accountid', naturalKey: 'name',
  columns: [
    'accountid', 'name', 'websiteurl', 'emailaddress1', 'telephone1', 'industrycode', 'numberofemployees', 'revenue',
    'address1_city', 'address1_country', 'description', '_parentaccountid_value', 'statecode', 'createdon', 'modifiedon', 'versionnumber',
  ],
  writeLookups: { _parentaccountid_value: { navigation: 'parentaccountid', set: 'accounts' } },
  readOnly: ['accountid', ...SYSTEM],
  numeric: ['industrycode', 'numberofemployees', 'revenue', 'statecode'],
};

export const TASKS: DataverseEntity = {
  object: 'tasks', set: 'tasks', logicalName: 'task', primaryKey: 'activityid',
  columns: [
    'activityid', 'subject', 'description', 'scheduledend', 'actualend', 'prioritycode', 'statecode', 'statuscode',
    '_regardingobjectid_value', '_ownerid_value', 'createdon', 'modifiedon', 'versionnumber',
  ],
  writeLookups: { _regardingobjectid_value: { navigation: 'regardingobjectid_contact_task', set: 'contacts', alternatives: { accounts: 'regardingobjectid_account_task' } } },
  readOnly: ['activityid', ...SYSTEM],
  numeric: ['prioritycode', 'statecode', 'statuscode'],
};

export const ENTITIES: Record<ObjectName, DataverseEntity> = { contacts: CONTACTS, accounts: ACCOUNTS, tasks: TASKS };

/** Records per page the connector asks for (`odata.maxpagesize`); Dataverse allows up to 5,000. */
export const PAGE_SIZE = 1000;
/** Operations per `$batch` request; Dataverse accepts up to 1,000. */
export const BATCH_SIZE = 100;
