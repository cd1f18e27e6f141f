/**
 * Graph's error body `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`
 * (learn.microsoft.com/graph/errors) into the platform's taxonomy. The status decides the kind
 * (429 and 503 with Retry-After are transient, learn.microsoft.com/graph/throttling); the code
 * and message are kept with the request id, which Microsoft support asks for, and a property
 * Graph names in its message becomes the offending field.
 */
import type { VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { graphErrorSchema } from './schemas.js';

/** Properties Graph names unquoted in its messages, most telling first ("resource" is too common a word). */
const KNOWN = ['body.content', 'expirationDateTime', 'notificationUrl', 'changeType', 'clientState'];

function fieldsOf(message: string): Array<{ field: string; message: string }> {
  const quoted = /propert(?:y|ies)\s+'([\w.@]+)'/i.exec(message)?.[1];
  const field = quoted ?? KNOWN.find((name) => new RegExp(`\\b${name.replace('.', '\\.')}\\b`).test(message));
  return field ? [{ field, message }] : [];
}

export function parseGraphError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = graphErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { code, message = code, innerError } = parsed.data.error;
  const requestId = innerError?.['request-id'] ?? response.headers['request-id'];
  return {
    code,
    message: `${code}: ${message}${requestId ? ` (request-id ${requestId})` : ''}`,
    fields: response.status === 400 || response.status === 422 ? fieldsOf(message) : [],
  };
}
