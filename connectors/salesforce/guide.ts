/**
 * "Connect your system" for Salesforce: the connected app, the two ways in, the scopes and the
 * limits that apply (help.salesforce.com: connected apps; API request limits and allocations).
 */
export const salesforceGuide = {
  steps: [
    'In Salesforce Setup, open App Manager and click "New Connected App" (or create an External Client App). Enable OAuth settings.',
    'Add the OAuth scopes "Manage user data via APIs (api)" and "Perform requests at any time (refresh_token, offline_access)".',
    'For OAuth (web server flow): set the callback URL Forgeworks shows you, save, then copy the Consumer Key and Consumer Secret into Client ID and Client secret and click Connect.',
    'For JWT bearer (no browser, for an integration user): tick "Use digital signatures" and upload the certificate whose private key you paste here; under Manage → Edit Policies set "Admin approved users are pre-authorized" and add the integration user\'s profile or permission set. Enter the Consumer Key, the username and the private key (PEM).',
    'Enter your My Domain name: for https://acme.my.salesforce.com it is "acme"; for a sandbox org, e.g. "acme--dev.sandbox", and set the login URL to https://test.salesforce.com.',
    'The user needs "API Enabled" and read access to Contacts, Accounts and Tasks (edit access to Contacts and Accounts for loads).',
  ],
  scopes: ['api', 'refresh_token'],
  limits: 'Every REST call counts against the org\'s daily API allocation (Enterprise Edition: 100,000 a day plus 1,000 per user licence; Developer Edition: 15,000), reported on every answer in Sforce-Limit-Info. Past it Salesforce answers 403 REQUEST_LIMIT_EXCEEDED until its rolling 24-hour window moves on. At most 25 requests running longer than 20 seconds at once. Collections take 200 records a call; query batches hold 200 to 2,000 records.',
};
