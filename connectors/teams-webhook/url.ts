/**
 * A Teams incoming webhook URL is a credential on a per-tenant host,
 * `https://{tenant}.webhook.office.com/webhookb2/…`
 * (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
 * Anything else is refused before any request, naming the field.
 *
 * Where it is sent: the host is the tenant's, so it cannot be the connector's fixed base URL.
 * The platform routes a connection to a sandbox only by replacing the executor's base URL with a
 * loopback one (under its explicit sandbox policy); when it has, the webhook's path goes there,
 * otherwise the checked URL goes out as is, and the egress guard checks it again.
 */
import { ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';

export const WEBHOOK_DOMAIN = 'webhook.office.com';

function refuse(message: string): ConnectorError {
  return new ConnectorError(`webhookUrl: ${message}`, { kind: 'validation', code: 'invalid_webhook_url', fields: [{ field: 'webhookUrl', message }] });
}

export function checkWebhookUrl(raw: string | undefined): URL {
  if (!raw) throw refuse('required');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('is not a URL');
  }
  if (url.protocol !== 'https:') throw refuse('must use https');
  const host = url.hostname.toLowerCase();
  if (!host.endsWith(`.${WEBHOOK_DOMAIN}`) || url.port !== '' || url.username !== '' || url.password !== '') throw refuse(`must be on *.${WEBHOOK_DOMAIN}`);
  if (!url.pathname.startsWith('/webhookb2/')) throw refuse(`must look like https://{tenant}.${WEBHOOK_DOMAIN}/webhookb2/…`);
  return url;
}

function routedToSandbox(ctx: ConnectorContext): boolean {
  const base = ctx.http.options.baseUrl;
  if (!base) return false;
  const host = new URL(base).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/** What to hand the executor: the URL itself, or its path when the platform routed to a sandbox. */
export function webhookTarget(ctx: ConnectorContext, url: URL): string {
  return routedToSandbox(ctx) ? url.pathname + url.search : url.toString();
}
