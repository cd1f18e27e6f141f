/**
 * Setting a request URL in Slack's app settings sends a signed `url_verification` challenge; the
 * URL is accepted only if it answers 200 with the challenge, as plain text, a form or JSON
 * (api.slack.com/events/url_verification).
 */
import type { EventDelivery } from './delivery.js';
import { urlVerification, type AppIdentity } from './events.js';
import type { SlackIds } from './ids.js';
import { postTo } from './post.js';

function echoed(body: string, contentType: string, challenge: string): boolean {
  if (body === challenge) return true;
  if (contentType.includes('application/x-www-form-urlencoded')) return new URLSearchParams(body).get('challenge') === challenge;
  try {
    return (JSON.parse(body) as { challenge?: unknown }).challenge === challenge;
  } catch {
    return false;
  }
}

export async function verifyRequestUrl(url: string, app: AppIdentity, ids: SlackIds, delivery: EventDelivery): Promise<void> {
  const challenge = ids.secret(48);
  const body = JSON.stringify(urlVerification(app, challenge));
  const outcome = await postTo(url, body, delivery.headers(body), delivery.options.timeoutMs);
  const ok = outcome.kind === 'answered' && outcome.status === 200 && echoed(outcome.body, outcome.headers['content-type'] ?? '', challenge);
  if (!ok) throw new Error(`Your URL didn't respond with the value of the challenge parameter (${outcome.kind === 'answered' ? `HTTP ${outcome.status}` : outcome.kind}).`);
}
