/**
 * Graph paths are versioned (`/v23.0/...`) and keyed by the business phone number's id, both
 * from the connection. Refused before any HTTP call when missing, naming the field.
 */
import { ConnectorError } from '../../src/core/index.js';

export const DEFAULT_API_VERSION = 'v23.0';

export function graphPath(config: Record<string, unknown>, edge?: string): string {
  const phoneNumberId = String(config.phoneNumberId ?? '');
  if (!/^\d+$/.test(phoneNumberId)) {
    throw new ConnectorError('whatsapp: the connection field "phoneNumberId" must be the numeric id of the business phone number', {
      kind: 'permanent', code: 'invalid_config', fields: [{ field: 'phoneNumberId', message: 'must be the numeric phone number id' }],
    });
  }
  const version = String(config.apiVersion ?? DEFAULT_API_VERSION);
  return `/${encodeURIComponent(version)}/${phoneNumberId}${edge ? `/${edge}` : ''}`;
}
