/**
 * "Connect your system" for Zendesk Support: where the token is, who may use the exports, and
 * the limits that apply (developer.zendesk.com: security and auth, rate limits, incremental exports).
 */
export const zendeskGuide = {
  steps: [
    'Your subdomain is the first part of your Zendesk address: for acme.zendesk.com enter "acme".',
    'In Admin Center, open Apps and integrations → APIs → Zendesk API, turn on Token access, click "Add API token", name it "Forgeworks" and copy it (Zendesk shows it once).',
    'Enter the email of an admin and the token. Incremental exports, which Forgeworks reads changes from, are open to admins only.',
    'To connect with OAuth instead, register an OAuth client in the same place (Apps and integrations → APIs → OAuth clients) with the redirect URL Forgeworks shows, and enter its identifier and secret.',
    'Zendesk leaves the most recent minute out of every export, so a change shows up in Forgeworks one to two minutes after it was made at the earliest.',
  ],
  scopes: ['read', 'write'],
  limits: 'Incremental exports: 10 requests a minute per account (30 with the High Volume API add-on); Forgeworks sends at most 10 a minute per connection, writes included. Account-wide: 200 (Team) to 2,500 (Enterprise Plus) requests a minute. Bulk calls take 100 records; one export page holds up to 1,000.',
};
