/**
 * NetSuite (contacts, customers, phone calls) as a Forgeworks connector over SuiteTalk REST web
 * services: reads through SuiteQL (with the deletion log as the deletes feed), writes through
 * the record API, token-based authentication by the platform's `oauth1_tba` strategy. Data
 * first; the quirks (keyset paging, wall-clock cursors, Location headers, error paths) live in
 * the files it imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { tbaMethod } from './auth.js';
import { netsuiteDestination } from './destination/index.js';
import { netsuiteErrorParser } from './errors.js';
import { netsuiteGuide } from './guide.js';
import { testNetsuiteConnection } from './health.js';
import { accountToCustomer, contactToPerson, customerToAccount, personToContact, phonecallToActivity } from './mappings.js';
import { CONTACT, CUSTOMER, PHONECALL } from './objects.js';
import { netsuiteSource } from './source/read.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).netsuiteSandboxFactory(options);

export const netsuiteDefinition: ConnectorDefinitionInput = {
  id: 'netsuite',
  name: 'NetSuite',
  version: '1.0.0',
  category: 'erp',
  docsUrl: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/book_1559132836.html',
  description: 'Contacts, customers and phone calls from NetSuite through SuiteQL (deletions from its deletion log), and loads into contacts and customers.',
  auth: [tbaMethod],
  connection: [
    {
      name: 'accountId', label: 'Account ID', type: 'text', required: true, placeholder: '1234567_SB1', pattern: '^[A-Za-z0-9]+(_[A-Za-z0-9]+)?$',
      help: 'Setup > Company > Company Information > Account ID; the signature realm.',
    },
    {
      name: 'accountHost', label: 'REST domain', type: 'text', required: true, placeholder: '1234567-sb1', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      help: 'From Company URLs (SuiteTalk): the part before .suitetalk.api.netsuite.com. Usually the account id lower-cased with "_" as "-".',
    },
    {
      name: 'subsidiaryId', label: 'Subsidiary for new customers', type: 'text', pattern: '^\\d+$',
      help: 'Optional, OneWorld accounts: the internal id of the subsidiary a created customer gets when the load names none.',
    },
  ],
  allowedDomains: ['*.suitetalk.api.netsuite.com'],
  baseUrl: 'https://{accountHost}.suitetalk.api.netsuite.com',
  // A SuiteQL page of 1,000 rows can take a while; NetSuite itself gives a request 15 minutes.
  timeoutMs: 60_000,
  errorParser: netsuiteErrorParser,
  objects: [
    {
      name: 'contact', label: 'Contacts', canonical: 'person', primaryKey: 'id', naturalKey: 'email', cursorField: 'lastmodifieddate',
      mapping: contactToPerson, destinationMapping: personToContact, source: netsuiteSource(CONTACT), destination: netsuiteDestination(CONTACT),
    },
    {
      name: 'customer', label: 'Customers', canonical: 'account', primaryKey: 'id', naturalKey: 'email', cursorField: 'lastmodifieddate',
      mapping: customerToAccount, destinationMapping: accountToCustomer, source: netsuiteSource(CUSTOMER), destination: netsuiteDestination(CUSTOMER),
    },
    {
      name: 'phonecall', label: 'Phone calls', canonical: 'activity', primaryKey: 'id', cursorField: 'lastmodifieddate',
      mapping: phonecallToActivity, source: netsuiteSource(PHONECALL),
    },
  ],
  testConnection: testNetsuiteConnection,
  healthCheck: testNetsuiteConnection,
  guide: netsuiteGuide,
  sandbox,
};
