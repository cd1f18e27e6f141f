/**
 * The NetSuite records this connector reads and writes, as data: the REST record type, the
 * SuiteQL table and the columns a read selects (the default mappings' sources), the fields the
 * record API treats as references (`{ "id": "…" }`), and which are read-only. SuiteQL columns are
 * the record API's field ids lower-cased (Records Catalog, "SuiteScript and REST Query API").
 */
export interface NsObject {
  /** The platform's object name. */
  name: 'contact' | 'customer' | 'phonecall';
  /** REST record type and SuiteQL table (the same id for these three). */
  type: 'contact' | 'customer' | 'phonecall';
  /** Plain columns a read selects. */
  columns: readonly string[];
  /** Date-only columns, read as YYYY-MM-DD. */
  dateColumns: readonly string[];
  /** The creation datetime column (`datecreated` on entities, `createddate` on activities). */
  createdColumn: string;
  /** Matched case-blind by SuiteQL `LOWER(email) IN (…)`. */
  naturalKey?: 'email';
  /** REST fields holding a reference to another record. */
  references: readonly string[];
  /** Fields NetSuite sets itself: never written, never compared in verify. */
  readOnly: readonly string[];
}

/** The column every read orders and filters by. */
export const MODIFIED = 'lastmodifieddate';

const SYSTEM = ['id', 'links', 'dateCreated', 'createdDate', 'lastModifiedDate', '_derived'];

export const CONTACT: NsObject = {
  name: 'contact', type: 'contact', naturalKey: 'email', createdColumn: 'datecreated', dateColumns: [],
  columns: ['id', 'entityid', 'firstname', 'lastname', 'email', 'title', 'phone', 'company', 'subsidiary', 'externalid', 'isinactive'],
  references: ['company', 'subsidiary'], readOnly: SYSTEM,
};

export const CUSTOMER: NsObject = {
  name: 'customer', type: 'customer', naturalKey: 'email', createdColumn: 'datecreated', dateColumns: [],
  columns: ['id', 'entityid', 'companyname', 'isperson', 'firstname', 'lastname', 'email', 'phone', 'url', 'subsidiary', 'externalid', 'isinactive'],
  references: ['subsidiary'], readOnly: SYSTEM,
};

export const PHONECALL: NsObject = {
  name: 'phonecall', type: 'phonecall', createdColumn: 'createddate', dateColumns: ['startdate', 'completeddate'],
  columns: ['id', 'title', 'status', 'priority', 'company', 'contact', 'owner', 'message', 'phone', 'externalid'],
  references: ['company', 'contact', 'owner'], readOnly: SYSTEM,
};

/** Rows per SuiteQL page: NetSuite's largest. @default 1000 */
export const PAGE_SIZE = 1000;
/** Emails per natural-key lookup query; well inside a query's length. @default 200 */
export const LOOKUP_CHUNK = 200;
