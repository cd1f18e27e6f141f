/**
 * HubSpot CRM (contacts, companies, notes) as a Forgeworks connector: data first; the quirks
 * (search paging, 207 outcomes, archive as delete) live in the files this one imports.
 */
import type { ConnectorDefinitionInput, ConnectorContext } from '../../src/registry/index.js';
import { hubspotDestination } from './destination.js';
import { hubspotErrorParser } from './errors.js';
import {
  companyDestinationMapping, companyMapping, contactDestinationMapping, contactMapping, noteMapping,
} from './mappings.js';
import { COMPANIES, CONTACTS, NOTES } from './objects.js';
import { hubspotSandboxFactory } from './sandbox/index.js';
import { hubspotSource } from './source.js';

const SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'crm.objects.companies.write'];

/** One cheap authenticated read: proves the token and the contacts scope. */
async function testConnection(ctx: ConnectorContext): Promise<{ ok: boolean; message: string }> {
  const res = await ctx.http.request({ url: '/crm/v3/objects/contacts', query: { limit: 1, properties: 'email' }, signal: ctx.signal, retry: false });
  return res.ok ? { ok: true, message: 'HubSpot answered the contacts API' } : { ok: false, message: res.error?.message ?? `HubSpot answered ${res.status}` };
}

export const hubspotDefinition: ConnectorDefinitionInput = {
  id: 'hubspot',
  name: 'HubSpot',
  version: '1.0.0',
  category: 'crm',
  docsUrl: 'https://developers.hubspot.com/docs/api/crm/understanding-the-crm',
  description: 'Contacts, companies and notes from HubSpot CRM, and loads into contacts and companies.',
  auth: [
    {
      id: 'private_app', type: 'bearer', label: 'Private app access token',
      fields: [{ name: 'token', label: 'Access token', type: 'password', secret: true, required: true, placeholder: 'pat-na1-…', pattern: '^pat-[a-z0-9]+-' }],
    },
    {
      id: 'oauth', type: 'oauth2_authorization_code', label: 'OAuth (public app)',
      fields: [
        { name: 'clientId', label: 'Client ID', type: 'text', required: true },
        { name: 'clientSecret', label: 'Client secret', type: 'password', secret: true, required: true },
      ],
      oauth: { authorizeUrl: 'https://app.hubspot.com/oauth/authorize', tokenUrl: 'https://api.hubapi.com/oauth/v1/token', scopes: SCOPES },
    },
  ],
  allowedDomains: ['api.hubapi.com', 'app.hubspot.com'],
  baseUrl: 'https://api.hubapi.com',
  // Private apps on Free/Starter: 100 requests per 10 seconds (usage guidelines). Higher tiers allow more.
  rateLimit: { requests: 100, windowMs: 10_000 },
  // A 429 carries no Retry-After, only the window's length; waiting that long always clears a
  // rolling window, where a short jittered backoff would spend the retries inside it.
  resetHeader: { name: 'x-hubspot-ratelimit-interval-milliseconds', unit: 'milliseconds' },
  errorParser: hubspotErrorParser,
  objects: [
    {
      name: 'contacts', label: 'Contacts', canonical: 'person', primaryKey: 'id', naturalKey: 'email', cursorField: 'lastmodifieddate',
      mapping: contactMapping, destinationMapping: contactDestinationMapping,
      source: hubspotSource(CONTACTS), destination: hubspotDestination(CONTACTS),
    },
    {
      name: 'companies', label: 'Companies', canonical: 'account', primaryKey: 'id', naturalKey: 'domain', cursorField: 'hs_lastmodifieddate',
      mapping: companyMapping, destinationMapping: companyDestinationMapping,
      source: hubspotSource(COMPANIES), destination: hubspotDestination(COMPANIES),
    },
    {
      name: 'notes', label: 'Notes', canonical: 'activity', primaryKey: 'id', cursorField: 'hs_lastmodifieddate',
      mapping: noteMapping, source: hubspotSource(NOTES),
    },
  ],
  testConnection,
  healthCheck: testConnection,
  guide: {
    steps: [
      'In HubSpot, click the settings icon, then in the left sidebar open Integrations → Private Apps and click "Create a private app".',
      'On the Scopes tab, tick the four CRM scopes listed below (notes are read and written under the contacts scopes).',
      'Create the app, open its Auth tab, click "Show token" and copy the access token (it starts with pat-na1- or your region\'s prefix).',
      'Paste the token here. To connect a public app instead, choose OAuth and enter its client ID and secret; HubSpot asks a super admin to consent.',
    ],
    scopes: SCOPES,
    limits: 'Private apps: 100 requests per 10 seconds and 250,000 a day on Free and Starter; 190 per 10 seconds on Professional and Enterprise (650,000 and 1,000,000 a day), shared by every private app of the account. Search: 5 requests per second and at most 10,000 results per query. Batch endpoints: 100 records per call.',
  },
  sandbox: hubspotSandboxFactory,
};
