/**
 * "Connect your system" for Microsoft Teams through Microsoft Graph.
 */
export const teamsGuide = {
  steps: [
    'In the Microsoft Entra admin center, open App registrations → New registration (single tenant). Copy the Directory (tenant) ID into "Tenant ID" and the Application (client) ID into "Application (client) ID".',
    'Under Certificates & secrets, create a client secret and copy its Value into "Client secret".',
    'Under API permissions add Microsoft Graph permissions and grant admin consent: for a signed-in user (recommended) the delegated ChannelMessage.Send, ChannelMessage.ReadWrite and ChannelMessage.Read.All; for app-only, the application ChannelMessage.Read.All (notifications and reads). Microsoft allows app-only posting only for migrations (Teamwork.Migrate.All).',
    'Choose a random notification secret (16–128 characters) for "Notification secret": Graph repeats it in every change notification and Forgeworks refuses any notification without it.',
    'Channels are named "{team id}/{channel id}" (the ids in a channel link: groupId=… and 19:…@thread.tacv2).',
  ],
  scopes: ['ChannelMessage.Send', 'ChannelMessage.ReadWrite', 'ChannelMessage.Read.All'],
  limits: 'Channel-message subscriptions last at most 60 minutes and are renewed by Forgeworks before they lapse. Graph throttles with 429 and Retry-After, which Forgeworks waits out.',
};
