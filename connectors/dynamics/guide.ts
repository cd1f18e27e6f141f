/**
 * "Connect your system" for Dynamics 365 / Dataverse: the app registration, the application
 * user and its role, change tracking, and the service protection limits that apply
 * (learn.microsoft.com/power-apps/developer/data-platform/api-limits).
 */
export const dynamicsGuide = {
  steps: [
    'In the Microsoft Entra admin center, open App registrations → New registration, name it "Forgeworks" (single tenant) and register. Copy the Application (client) ID and the Directory (tenant) ID.',
    'Under Certificates & secrets, create a client secret and copy its Value (shown once; not the Secret ID).',
    'In the Power Platform admin center, open your environment → Settings → Users + permissions → Application users → New app user, pick the app registration and a business unit, and give it a security role with organization-level Read on Contact, Account and Task, and Create, Write and Delete on Contact and Account for loads.',
    'Enter the environment host: for https://contoso.crm.dynamics.com it is contoso.crm.dynamics.com (Power Platform admin center → Environments → Environment URL).',
    'Forgeworks reads changes through change tracking: in Power Apps → Tables, open Contact, Account and Task → Properties → Advanced options and check that "Track changes" is on. Deletions are read from it too.',
  ],
  scopes: ['https://{environment}/.default (application permissions come from the application user\'s security role)'],
  limits: 'Service protection limits, per user and web server: 6,000 requests and 20 minutes of execution time in any 5-minute window, 52 concurrent requests; past them Dataverse answers 429 with Retry-After in seconds. Forgeworks pages 1,000 records at a time and writes 100 records per $batch request (Dataverse takes up to 1,000). Delta tokens expire after the environment\'s ExpireChangeTrackingInDays (default 7); an older checkpoint reads the table again.',
};
