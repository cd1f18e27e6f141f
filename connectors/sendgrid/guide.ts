/**
 * "Connect your system" for Twilio SendGrid (twilio.com/docs/sendgrid: API keys, Sender
 * Identity, Mail Send, rate limits, regional data residency).
 */
export const sendgridGuide = {
  steps: [
    'In SendGrid open Settings → API Keys → Create API Key, choose "Restricted Access" with Mail Send → Full Access, and copy the key (SG.…, shown once).',
    'Verify the sender under Settings → Sender Authentication (a single sender or, better, an authenticated domain): SendGrid refuses mail from an address that is not a verified Sender Identity.',
    'Enter the default From address (and name). A message may name its own sender with data.from.',
    'Accounts on EU data residency use the EU region (api.eu.sendgrid.com).',
  ],
  scopes: ['mail.send'],
  limits: 'SendGrid reports X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (epoch seconds) and answers 429 past the limit; Forgeworks waits for the reset. A mail takes up to 1,000 recipients across its personalizations and 30 MB in all; send_at schedules up to 72 hours ahead.',
};
