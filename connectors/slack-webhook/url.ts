/**
 * An incoming webhook URL is a credential (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks:
 * "keep it secret") and its host is fixed: `https://hooks.slack.com/services/T…/B…/…`. Anything
 * else is refused before any request, naming the field, so a pasted lookalike never receives
 * the message. Only the path is sent: the host comes from the connector's base URL, which the
 * platform (and only the platform, under its sandbox policy) may point elsewhere.
 */
import { ConnectorError } from '../../src/core/index.js';

export const WEBHOOK_HOST = 'hooks.slack.com';

function refuse(message: string): ConnectorError {
  return new ConnectorError(`webhookUrl: ${message}`, { kind: 'validation', code: 'invalid_webhook_url', fields: [{ field: 'webhookUrl', message }] });
}

/** The path (and query) to POST to, once the URL is known to be Slack's. */
export function webhookPath(raw: string | undefined): string {
  if (!raw) throw refuse('required');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('is not a URL');
  }
  if (url.protocol !== 'https:') throw refuse('must use https');
  if (url.hostname !== WEBHOOK_HOST || url.port !== '' || url.username !== '' || url.password !== '') throw refuse(`must be on ${WEBHOOK_HOST}`);
  if (!/^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/.test(url.pathname)) throw refuse('must look like https://hooks.slack.com/services/T…/B…/…');
  return url.pathname + url.search;
}
