/**
 * "Connect your system" for Slack: an app with a bot token and the Events API
 * (docs.slack.dev/authentication/tokens, docs.slack.dev/apis/events-api, docs.slack.dev/apis/web-api/rate-limits).
 */
export const slackGuide = {
  steps: [
    'At api.slack.com/apps, create an app for your workspace ("From scratch").',
    'Under OAuth & Permissions add the bot scopes chat:write, channels:history and groups:history (for private channels), then install the app and copy the Bot User OAuth Token (xoxb-…) into "Bot token".',
    'Under Basic Information → App Credentials, copy the Signing Secret into "Signing secret": Forgeworks refuses any event whose signature or timestamp does not check out.',
    'Under Event Subscriptions, turn events on, paste the Forgeworks request URL shown for this connection (Slack sends a url_verification challenge that Forgeworks answers), and subscribe the bot to message.channels and message.groups.',
    'Invite the bot to each channel it should post in and listen to (/invite @your-app).',
    'Test the connection: it names the bot id (B…). Put it in "Bot id" so Forgeworks recognises its own posts.',
  ],
  scopes: ['chat:write', 'channels:history', 'groups:history'],
  limits: 'chat.postMessage allows about one message per second per channel (short bursts tolerated); chat.update, chat.delete, conversations.history and conversations.replies are Tier 3 (50+ per minute). Over a limit Slack answers 429 with Retry-After, which Forgeworks waits out. Slack expects an event to be acknowledged within 3 seconds and retries up to 3 times otherwise.',
};
