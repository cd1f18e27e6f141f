/**
 * Teams webhooks answer plain text: `1` on success, a sentence otherwise ("Summary or Text is
 * required.", "Bad payload received by generic incoming webhook."). A throttled webhook has been
 * seen to answer HTTP 200 with "Microsoft Teams endpoint returned HTTP error 429 …" instead of
 * `1`, which is why clients check for `1` (github.com/atc0005/go-teams-notify), and so does this.
 */
import type { ErrorKind, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';

export function classifyTeamsWebhookOutcome(response: VendorResponse): ErrorKind | undefined {
  if (response.status !== 200) return undefined;
  const body = typeof response.body === 'string' ? response.body.trim() : response.body;
  if (body === '1' || body === 1) return undefined;
  return typeof body === 'string' && /\b429\b/.test(body) ? 'transient' : 'permanent';
}

export function parseTeamsWebhookError(response: VendorResponse): VendorErrorDetails | undefined {
  const raw = typeof response.body === 'string' ? response.body.trim() : typeof response.body === 'number' ? String(response.body) : '';
  if (!raw) return undefined;
  const message = raw.length > 300 ? `${raw.slice(0, 300)}…` : raw;
  if (/summary or text is required/i.test(raw)) return { code: 'missing_text', message, fields: [{ field: 'text', message }], kind: 'validation' };
  if (/bad payload/i.test(raw)) return { code: 'bad_payload', message, fields: [{ field: 'card', message }], kind: 'validation' };
  return { message };
}
