/**
 * "Connect your system" for PagerDuty's Events API v2 (developer.pagerduty.com: Events API v2
 * overview, send an alert event; support.pagerduty.com: services and integrations).
 */
export const pagerdutyGuide = {
  steps: [
    'In PagerDuty open Services → your service → Integrations, click "Add an integration", choose "Events API V2" and copy its Integration Key (32 characters).',
    'Pick the service region your account lives in: US (events.pagerduty.com) or EU (events.eu.pagerduty.com).',
    'Each message triggers an alert: the text is the summary (up to 1,024 characters); data.severity (critical, error, warning, info), data.source, data.component, data.group, data.class and data.customDetails fill in the rest.',
    'The id a send returns is the alert\'s dedup key: send a message with that id as threadId and data.action "acknowledge" or "resolve" to update the alert.',
  ],
  scopes: [],
  limits: 'PagerDuty throttles events per service dynamically and answers 429; Forgeworks retries after a backoff. Event payloads up to 512 KB; dedup keys up to 255 characters (longer idempotency keys are hashed).',
};
