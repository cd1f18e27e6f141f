/**
 * The record types the stand-in holds, as data: REST field ids (camelCase, as the record API
 * answers them), their SuiteQL columns (the same id lower-cased), types, UI labels (NetSuite
 * names missing mandatory fields by label) and which are references. One description drives the
 * REST answers, the write checks and the SuiteQL tables.
 */
export type RecordType = 'contact' | 'customer' | 'phonecall';
export type FieldType = 'text' | 'email' | 'url' | 'bool' | 'ref' | 'select' | 'date';

export interface FieldSpec {
  rest: string;
  type: FieldType;
  label: string;
  /** ref: the record type referred to; `subsidiary` and `employee` are fixed lists. */
  refType?: RecordType | 'subsidiary' | 'employee';
  options?: readonly string[];
  /** Unique per record type when given (externalId everywhere, entityId on customers). */
  unique?: boolean;
}

const common: FieldSpec[] = [
  { rest: 'externalId', type: 'text', label: 'External ID', unique: true },
];

const entity: FieldSpec[] = [
  { rest: 'firstName', type: 'text', label: 'First Name' },
  { rest: 'lastName', type: 'text', label: 'Last Name' },
  { rest: 'email', type: 'email', label: 'Email' },
  { rest: 'phone', type: 'text', label: 'Phone' },
  { rest: 'subsidiary', type: 'ref', label: 'Subsidiary', refType: 'subsidiary' },
  { rest: 'isInactive', type: 'bool', label: 'Inactive' },
  { rest: 'comments', type: 'text', label: 'Comments' },
];

export const SCHEMAS: Record<RecordType, FieldSpec[]> = {
  contact: [
    { rest: 'entityId', type: 'text', label: 'Contact' },
    { rest: 'title', type: 'text', label: 'Job Title' },
    { rest: 'company', type: 'ref', label: 'Company', refType: 'customer' },
    ...entity, ...common,
  ],
  customer: [
    { rest: 'entityId', type: 'text', label: 'Customer ID', unique: true },
    { rest: 'companyName', type: 'text', label: 'Company Name' },
    { rest: 'isPerson', type: 'bool', label: 'Individual' },
    { rest: 'url', type: 'url', label: 'Web Address' },
    ...entity, ...common,
  ],
  phonecall: [
    { rest: 'title', type: 'text', label: 'Subject' },
    { rest: 'status', type: 'select', label: 'Status', options: ['SCHEDULED', 'COMPLETE'] },
    { rest: 'priority', type: 'select', label: 'Priority', options: ['HIGH', 'MEDIUM', 'LOW'] },
    { rest: 'startDate', type: 'date', label: 'Date' },
    { rest: 'completedDate', type: 'date', label: 'Date Completed' },
    { rest: 'company', type: 'ref', label: 'Company', refType: 'customer' },
    { rest: 'contact', type: 'ref', label: 'Contact', refType: 'contact' },
    { rest: 'owner', type: 'ref', label: 'Organizer', refType: 'employee' },
    { rest: 'message', type: 'text', label: 'Message' },
    { rest: 'phone', type: 'text', label: 'Phone Number' },
    ...common,
  ],
};

/** The system fields each type answers besides its own: when it was created and last changed. */
export const CREATED_FIELD: Record<RecordType, string> = { contact: 'dateCreated', customer: 'dateCreated', phonecall: 'createdDate' };
export const MODIFIED_FIELD = 'lastModifiedDate';

/** The subsidiaries and employees of the stand-in's OneWorld account (fixed lists). */
export const SUBSIDIARIES: Record<string, string> = { 1: 'Forgeworks Inc.', 2: 'Forgeworks UK Ltd', 3: 'Forgeworks GmbH' };
export const EMPLOYEES: Record<string, string> = { 7: 'Integration User', 8: 'Sam Seller' };

export function recordTypeOf(raw: string): RecordType | undefined {
  const type = raw.toLowerCase();
  return type === 'contact' || type === 'customer' || type === 'phonecall' ? type : undefined;
}

/** A field by id, case-blind: NetSuite's own examples send `companyname` and `firstName` alike. */
export function fieldOf(type: RecordType, name: string): FieldSpec | undefined {
  const lower = name.toLowerCase();
  return SCHEMAS[type].find((f) => f.rest.toLowerCase() === lower);
}
