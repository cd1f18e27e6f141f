/**
 * Every 2010-04-01 path names the account: `/2010-04-01/Accounts/{AccountSid}/…`, from the
 * connection, checked before any call.
 */
import { ConnectorError } from '../../src/core/index.js';

export function accountPath(config: Record<string, unknown>, rest = ''): string {
  const sid = String(config.accountSid ?? '');
  if (!/^AC[0-9a-fA-F]{32}$/.test(sid)) {
    throw new ConnectorError('twilio: the connection field "accountSid" must be the Account SID (AC followed by 32 hex digits)', {
      kind: 'permanent', code: 'invalid_config', fields: [{ field: 'accountSid', message: 'must be AC followed by 32 hex digits' }],
    });
  }
  return `/2010-04-01/Accounts/${sid}${rest}.json`;
}
