/**
 * "Connect your system" for Twilio Programmable Messaging (twilio.com/docs: API authentication,
 * API keys, Message resource, Messaging Services, rate limits and message queues).
 */
export const twilioGuide = {
  steps: [
    'In the Twilio Console (console.twilio.com) copy the Account SID (AC…) from Account info; it goes in the connection.',
    'Prefer an API key: Account → API keys & tokens → Create API key (Standard), copy its SID (SK…) and secret (shown once). Or use the account\'s Auth Token.',
    'Set a default sender: a Twilio phone number in E.164 (+14155550123), or a Messaging Service SID (MG…) that picks the sender for you. A message may name its own with data.from or data.messagingServiceSid.',
    'Recipients are E.164 numbers, or whatsapp:+… for WhatsApp senders. A trial account sends only to verified numbers.',
  ],
  scopes: [],
  limits: 'REST API: about 100 concurrent requests per account; more answer 429 (error 20429, never processed, retried). Sending: messages queue at about 1 segment a second per long code (more for toll-free, short codes and Messaging Services) and expire from the queue after ValidityPeriod (default 36,000 s). Body up to 1,600 characters; up to 10 media URLs.',
};
