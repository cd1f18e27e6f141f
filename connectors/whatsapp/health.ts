/**
 * Connection check: `GET /{version}/{phone-number-id}` reads the business phone number the
 * connection sends from. It proves the token, its `whatsapp_business_messaging` permission on
 * this number, and the number id itself, without sending anything.
 */
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { graphPath } from './paths.js';
import { phoneNumberSchema } from './schemas.js';

export async function testWhatsAppConnection(ctx: ConnectorContext): Promise<ConnectionCheck> {
  const res = await ctx.http.request({
    url: graphPath(ctx.config), query: { fields: 'id,display_phone_number,verified_name,quality_rating' },
    schema: phoneNumberSchema, retry: { maxAttempts: 2 }, signal: ctx.signal,
  });
  if (!res.ok || !res.body) return { ok: false, message: res.error?.message ?? `WhatsApp answered ${res.status}` };
  const { display_phone_number: number, verified_name: name, quality_rating: quality } = res.body;
  return { ok: true, message: `Sending as ${name ?? 'an unnamed business'} (${number ?? res.body.id})${quality ? `, quality ${quality}` : ''}.` };
}
