/**
 * The sObjects this connector reads and writes, as data: the fields a read selects (the default
 * mappings' sources plus the modification stamp), the natural key a load matches by, and which
 * fields are numbers or times (Salesforce's JSON is typed; a load's values may arrive as text).
 */
export interface SObject {
  /** The platform's object name. */
  name: 'contact' | 'account' | 'task';
  /** The sObject's API name. */
  type: 'Contact' | 'Account' | 'Task';
  fields: readonly string[];
  /** Matched case-blind, as SOQL compares text. */
  naturalKey?: 'Email' | 'Name';
  /** Sent as JSON numbers. */
  numeric: readonly string[];
  /** Fields Salesforce computes: never written, never compared in verify. */
  readOnly: readonly string[];
}

/** System fields every sObject has, all computed by Salesforce. */
export const SYSTEM_FIELDS = ['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];

/** The field every read orders and filters by: it moves on every change, including a delete. */
export const MODSTAMP = 'SystemModstamp';

export const DATETIME_FIELDS = new Set(['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CompletedDateTime']);

export const CONTACT: SObject = {
  name: 'contact', type: 'Contact', naturalKey: 'Email', numeric: [], readOnly: SYSTEM_FIELDS,
  fields: ['Id', 'FirstName', 'LastName', 'Email', 'Title', 'Phone', 'AccountId', 'OwnerId', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'IsDeleted'],
};

export const ACCOUNT: SObject = {
  name: 'account', type: 'Account', naturalKey: 'Name', numeric: ['NumberOfEmployees', 'AnnualRevenue'], readOnly: SYSTEM_FIELDS,
  fields: ['Id', 'Name', 'Website', 'Industry', 'NumberOfEmployees', 'AnnualRevenue', 'Phone', 'OwnerId', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'IsDeleted'],
};

export const TASK: SObject = {
  name: 'task', type: 'Task', numeric: [], readOnly: [...SYSTEM_FIELDS, 'AccountId', 'CompletedDateTime', 'IsClosed'],
  fields: [
    'Id', 'Subject', 'Status', 'Priority', 'ActivityDate', 'CompletedDateTime', 'TaskSubtype', 'Description', 'WhoId', 'WhatId', 'AccountId',
    'OwnerId', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'IsDeleted',
  ],
};

/** sObject Collections take at most 200 records a call. */
export const COLLECTION_LIMIT = 200;

/**
 * Records per query batch (`Sforce-Query-Options: batchSize`): Salesforce's minimum, so a page
 * commits often; Salesforce may still send fewer. @default 200
 */
export const QUERY_BATCH_SIZE = 200;

/**
 * Values per `IN (…)` lookup: a GET's URI must stay under 16,384 bytes, and 100 emails of up
 * to 80 characters, quoted and encoded, do. @default 100
 */
export const LOOKUP_CHUNK = 100;

/** The configured External ID field on Account, when the connection names one. */
export function accountExternalIdField(config: Record<string, unknown>): string | undefined {
  const value = config.accountExternalIdField;
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_]*__c$/.test(value) ? value : undefined;
}

/** The fields a read selects: the object's own, plus the configured external id for accounts. */
export function selectedFields(object: SObject, config: Record<string, unknown>): string[] {
  const extra = object.type === 'Account' ? accountExternalIdField(config) : undefined;
  return extra && !object.fields.includes(extra) ? [...object.fields, extra] : [...object.fields];
}
