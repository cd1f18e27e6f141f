/**
 * The tables the sandbox serves, as Dataverse defines them: columns with their types, maximum
 * lengths and choices, lookups (stored as `_x_value`, set through navigation properties), and
 * what the platform computes. Lengths and choices from the table reference
 * (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/contact, account, task).
 */
export type ColumnType = 'string' | 'memo' | 'int' | 'decimal' | 'money' | 'datetime' | 'choice';

export interface Column {
  type: ColumnType;
  maxLength?: number;
  choices?: Readonly<Record<number, string>>;
  /** Set by Dataverse; a value sent is ignored. */
  readOnly?: boolean;
}

export interface Lookup {
  /** Navigation property → the table it binds (`parentcustomerid_account` → `account`). */
  navigation: Readonly<Record<string, string>>;
  readOnly?: boolean;
}

export interface Table {
  logicalName: string;
  set: string;
  primaryKey: string;
  columns: Readonly<Record<string, Column>>;
  /** By the `_x_value` name a read shows. */
  lookups: Readonly<Record<string, Lookup>>;
  /** Computed from the row on every write (contact's `fullname`). */
  computed?: (row: Record<string, unknown>) => Record<string, unknown>;
}

const ACTIVE = { 0: 'Active', 1: 'Inactive' } as const;
const text = (maxLength: number): Column => ({ type: 'string', maxLength });
const memo: Column = { type: 'memo', maxLength: 2000 };
const SYSTEM = { createdon: { type: 'datetime', readOnly: true }, modifiedon: { type: 'datetime', readOnly: true } } as const;
const OWNER: Lookup = { navigation: { ownerid: 'systemuser' }, readOnly: true };

const INDUSTRIES: Record<number, string> = {
  1: 'Accounting', 2: 'Agriculture and Non-petrol Natural Resource Extraction', 3: 'Broadcasting Printing and Publishing', 4: 'Brokers',
  5: 'Building Supply Retail', 6: 'Business Services', 7: 'Consulting', 8: 'Consumer Services', 9: 'Design, Direction and Creative Management',
  10: 'Distributors, Dispatchers and Processors', 11: "Doctor's Offices and Clinics", 12: 'Durable Manufacturing', 16: 'Financial',
  20: 'Insurance', 21: 'Legal Services', 30: 'Transportation', 33: 'Wholesale',
};

export const CONTACT: Table = {
  logicalName: 'contact', set: 'contacts', primaryKey: 'contactid',
  columns: {
    firstname: text(50), lastname: text(50), fullname: { type: 'string', maxLength: 160, readOnly: true }, emailaddress1: text(100), jobtitle: text(100),
    telephone1: text(50), mobilephone: text(50), address1_city: text(80), address1_country: text(80), description: memo,
    statecode: { type: 'choice', choices: ACTIVE }, ...SYSTEM,
  },
  lookups: {
    _parentcustomerid_value: { navigation: { parentcustomerid_account: 'account', parentcustomerid_contact: 'contact' } },
    _ownerid_value: OWNER,
  },
  computed: (row) => ({ fullname: [row.firstname, row.lastname].filter((p) => typeof p === 'string' && p.trim() !== '').join(' ') || null }),
};

export const ACCOUNT: Table = {
  logicalName: 'account', set: 'accounts', primaryKey: 'accountid',
  columns: {
    name: text(160), websiteurl: text(200), emailaddress1: text(100), telephone1: text(50), industrycode: { type: 'choice', choices: INDUSTRIES },
    numberofemployees: { type: 'int' }, revenue: { type: 'money' }, address1_city: text(80), address1_country: text(80), description: memo,
    statecode: { type: 'choice', choices: ACTIVE }, ...SYSTEM,
  },
  lookups: { _parentaccountid_value: { navigation: { parentaccountid: 'account' } }, _ownerid_value: OWNER },
};

export const TASK: Table = {
  logicalName: 'task', set: 'tasks', primaryKey: 'activityid',
  columns: {
    subject: text(200), description: memo, scheduledend: { type: 'datetime' }, actualend: { type: 'datetime' },
    prioritycode: { type: 'choice', choices: { 0: 'Low', 1: 'Normal', 2: 'High' } },
    statecode: { type: 'choice', choices: { 0: 'Open', 1: 'Completed', 2: 'Canceled' } },
    statuscode: { type: 'choice', choices: { 2: 'Not Started', 3: 'In Progress', 4: 'Waiting on someone else', 5: 'Completed', 6: 'Canceled', 7: 'Deferred' } },
    ...SYSTEM,
  },
  lookups: {
    _regardingobjectid_value: { navigation: { regardingobjectid_contact_task: 'contact', regardingobjectid_account_task: 'account' } },
    _ownerid_value: OWNER,
  },
};

export const TABLES: readonly Table[] = [CONTACT, ACCOUNT, TASK];

export const tableBySet = (set: string): Table | undefined => TABLES.find((t) => t.set === set);
export const tableByName = (logicalName: string): Table | undefined => TABLES.find((t) => t.logicalName === logicalName);

/** The lookup a navigation property sets, and the table it binds. */
export function lookupOfNavigation(table: Table, navigation: string): { column: string; target: string } | undefined {
  for (const [column, lookup] of Object.entries(table.lookups)) {
    const target = lookup.navigation[navigation];
    if (target) return { column, target };
  }
  return undefined;
}
