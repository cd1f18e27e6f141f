/**
 * "Connect your system" for NetSuite: the features, the integration record, the role and its
 * token, where the account id and REST domain are, and the limits that apply
 * (docs.oracle.com: Getting Started with Token-based Authentication; Concurrency Governance).
 */
export const netsuiteGuide = {
  steps: [
    'In Setup > Company > Enable Features > SuiteCloud, turn on "REST Web Services" and "Token-Based Authentication".',
    'In Setup > Integration > Manage Integrations > New, create an integration record named "Forgeworks" with "Token-Based Authentication" ticked (and the authorization-code grant left off). Save it and copy the consumer key and secret: NetSuite shows them once.',
    'Give the integration user a role with "REST Web Services", "Log in using Access Tokens", "Deleted Records" (for the deletion log), view access to Contacts, Customers and Phone Calls, and edit access to Contacts and Customers for loads.',
    'Set that user\'s time zone to (GMT) Coordinated Universal Time in Home > Set Preferences, so the times Forgeworks stores are UTC. Checkpoints work in any time zone; stored times are read as UTC.',
    'In Setup > Users/Roles > Access Tokens > New, pick the integration record, the user and the role, save, and copy the token id and secret (shown once).',
    'Your account id is in Setup > Company > Company Information ("Account ID", e.g. 1234567, or 1234567_SB1 for a sandbox); it is the signature realm. The REST domain is on the Company URLs subtab under SuiteTalk: enter the part before .suitetalk.api.netsuite.com (e.g. 1234567-sb1).',
    'On a OneWorld account every customer belongs to a subsidiary: enter the internal id of the one new customers should get, unless your loads name one.',
  ],
  scopes: ['REST Web Services', 'Log in using Access Tokens', 'Deleted Records'],
  limits: 'NetSuite limits how many web services and RESTlet requests run at once for the whole account: 5 on the lowest service tier, plus 10 per SuiteCloud Plus licence (Setup > Integration > Integration Governance shows yours). A request over the limit is refused with 429 and retried with backoff. A request running longer than 15 minutes times out. SuiteQL pages hold up to 1,000 rows; the record API writes one record a request.',
};
