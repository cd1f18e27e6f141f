/**
 * "Connect your system" for the WhatsApp Cloud API (developers.facebook.com: Cloud API get
 * started, system users and access tokens, throughput, messaging limits).
 */
export const whatsappGuide = {
  steps: [
    'In Meta Business Suite open Business settings → Users → System users, add a system user (Admin) and assign it your WhatsApp Business Account and your app.',
    'Click "Generate new token", choose your app, tick whatsapp_business_messaging and whatsapp_business_management, and copy the token: system user tokens do not expire unless you set an expiry.',
    'In the app dashboard open WhatsApp → API Setup and copy the Phone number ID (a number, not the phone number itself).',
    'Free-form text reaches a customer only within 24 hours of their last message; outside that window send an approved template (data.template: { name, language, components }).',
    'Recipients are phone numbers in E.164 format (+14155550123). A test number sends only to the recipients listed under API Setup.',
  ],
  scopes: ['whatsapp_business_messaging', 'whatsapp_business_management'],
  limits: 'Throughput: 80 messages a second per business phone number by default (up to 1,000 when Meta upgrades the number); the same recipient about one message every 6 seconds (bursts of up to 45); business-initiated conversations per 24 hours by messaging tier (250 to unlimited). Forgeworks sends at most 80 a second per connection. Text bodies up to 4,096 characters.',
};
