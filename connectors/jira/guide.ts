/**
 * "Connect your system": where the API token comes from, which permissions the account needs,
 * and the limits that apply.
 */
export const jiraGuide = {
  steps: [
    'Sign in as the Atlassian account the connector should act as (a dedicated integration user is best: every change it makes shows under its name).',
    'Open https://id.atlassian.com/manage-profile/security/api-tokens, click "Create API token", name it "Forgeworks" and copy the token (it is shown once).',
    'Enter your site name: the "acme" of https://acme.atlassian.net.',
    'Enter the account\'s email address and paste the API token. Optionally name the project key (e.g. OPS) and issue type new issues are created with.',
    'The account\'s profile time zone matters: Jira reads the dates in search queries in it. The connector reads it from the profile, so no setting is needed here.',
  ],
  scopes: [
    'Browse projects (every project to read)',
    'Create issues, Edit issues, Transition issues, Delete issues (projects to load into)',
    'Browse users and groups (global permission, to read users)',
  ],
  limits: 'API token traffic is governed by Jira\'s burst limits per endpoint and method, and a per-issue write limit; a 429 carries Retry-After, X-RateLimit-Reset and RateLimit-Reason. Search pages hold up to 100 issues with fields; bulk create takes 50 issues a call. Email addresses are only visible where the user\'s profile allows it.',
};
