/**
 * The sandbox's "describe": the fields of Contact, Account and Task it knows, with the types,
 * lengths, required flags and read-only flags Salesforce reports for them in a standard org.
 * Writes and SOQL are checked against it, so an unknown field is refused as Salesforce would.
 */
export type SObjectType = 'Account' | 'Contact' | 'Task';
export const SOBJECT_TYPES: readonly SObjectType[] = ['Account', 'Contact', 'Task'];

export type FieldType = 'id' | 'string' | 'email' | 'phone' | 'url' | 'picklist' | 'textarea' | 'int' | 'double' | 'currency' | 'boolean' | 'date' | 'datetime' | 'reference';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  /** Settable on create / on update. */
  createable: boolean;
  updateable: boolean;
  /** Must have a value on create (REQUIRED_FIELD_MISSING otherwise). */
  required?: boolean;
  length?: number;
  referenceTo?: SObjectType | 'User';
  /** An External ID field: upsert and `GET /sobjects/{type}/{field}/{value}` take it. */
  externalId?: boolean;
  /** Filled on create when the input leaves it out. */
  defaultValue?: string;
}

const ro = (name: string, label: string, type: FieldType): FieldSpec => ({ name, label, type, createable: false, updateable: false });
const rw = (name: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, label, type, createable: true, updateable: true, ...extra });

const SYSTEM: FieldSpec[] = [
  ro('Id', 'Record ID', 'id'), ro('IsDeleted', 'Deleted', 'boolean'),
  ro('CreatedDate', 'Created Date', 'datetime'), ro('CreatedById', 'Created By ID', 'reference'),
  ro('LastModifiedDate', 'Last Modified Date', 'datetime'), ro('LastModifiedById', 'Last Modified By ID', 'reference'),
  ro('SystemModstamp', 'System Modstamp', 'datetime'),
  rw('OwnerId', 'Owner ID', 'reference', { referenceTo: 'User' }),
];

export const SCHEMAS: Record<SObjectType, FieldSpec[]> = {
  Contact: [
    ...SYSTEM,
    rw('FirstName', 'First Name', 'string', { length: 40 }), rw('LastName', 'Last Name', 'string', { length: 80, required: true }),
    rw('Email', 'Email', 'email', { length: 80 }), rw('Title', 'Title', 'string', { length: 128 }), rw('Phone', 'Business Phone', 'phone', { length: 40 }),
    rw('AccountId', 'Account ID', 'reference', { referenceTo: 'Account' }), rw('Description', 'Contact Description', 'textarea', { length: 32000 }),
  ],
  Account: [
    ...SYSTEM,
    rw('Name', 'Account Name', 'string', { length: 255, required: true }), rw('Website', 'Website', 'url', { length: 255 }),
    rw('Industry', 'Industry', 'picklist', { length: 255 }), rw('NumberOfEmployees', 'Employees', 'int'), rw('AnnualRevenue', 'Annual Revenue', 'currency'),
    rw('Phone', 'Account Phone', 'phone', { length: 40 }), rw('Description', 'Account Description', 'textarea', { length: 32000 }),
    // A custom External ID field, not marked unique: two accounts may share a value (upsert answers 300).
    rw('External_Id__c', 'External Id', 'string', { length: 255, externalId: true }),
  ],
  Task: [
    ...SYSTEM,
    rw('Subject', 'Subject', 'string', { length: 255 }), rw('Status', 'Status', 'picklist', { length: 255, defaultValue: 'Not Started' }),
    rw('Priority', 'Priority', 'picklist', { length: 40, defaultValue: 'Normal' }), rw('ActivityDate', 'Due Date Only', 'date'),
    rw('Description', 'Description', 'textarea', { length: 32000 }),
    { ...rw('TaskSubtype', 'Task Subtype', 'picklist', { length: 40, defaultValue: 'Task' }), updateable: false },
    rw('WhoId', 'Name ID', 'reference', { referenceTo: 'Contact' }), rw('WhatId', 'Related To ID', 'reference', { referenceTo: 'Account' }),
    // Computed from WhatId / WhoId, and from Status: never written by a client.
    ro('AccountId', 'Account ID', 'reference'), ro('CompletedDateTime', 'Completed Date/Time', 'datetime'), ro('IsClosed', 'Closed', 'boolean'),
  ],
};

/** The field as Salesforce names it, whatever case the client used (SOQL and JSON are case-blind). */
export function fieldOf(type: SObjectType, name: string): FieldSpec | undefined {
  const wanted = name.toLowerCase();
  return SCHEMAS[type].find((f) => f.name.toLowerCase() === wanted);
}

export function sobjectTypeOf(name: string): SObjectType | undefined {
  return SOBJECT_TYPES.find((t) => t.toLowerCase() === name.toLowerCase());
}
