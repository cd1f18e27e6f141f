/**
 * NetSuite token-based authentication: OAuth 1.0a signed with HMAC-SHA256, the account id as the
 * `realm` (docs.oracle.com … section_1534941088 and section_1534941295). The platform's
 * `oauth1_tba` strategy does the signing from the four credentials below and the connection's
 * `accountId`; nothing here builds a header.
 *
 * The REST domain is account-specific: `<account id>.suitetalk.api.netsuite.com`, with the id
 * lower-cased and `_` written `-` (1234567_SB1 → 1234567-sb1). Oracle asks integrations not to
 * construct it but to take it from Setup > Company > Company Information > Company URLs and keep
 * it configurable (section_1498251763, section_1546938065), and the definition's URL template
 * can only insert a field as typed; so it is its own connection field, `accountHost`.
 */
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';

type AuthMethodInput = ConnectorDefinitionInput['auth'][number];

export const tbaMethod: AuthMethodInput = {
  id: 'tba', type: 'oauth1_tba', label: 'Token-based authentication (TBA)',
  fields: [
    // NetSuite treats the consumer key and token id as credentials too: all four are secret.
    { name: 'consumerKey', label: 'Consumer key', type: 'password', secret: true, required: true, help: 'Shown once, when the integration record is saved.' },
    { name: 'consumerSecret', label: 'Consumer secret', type: 'password', secret: true, required: true },
    { name: 'tokenId', label: 'Token ID', type: 'password', secret: true, required: true, help: 'Shown once, when the access token is created.' },
    { name: 'tokenSecret', label: 'Token secret', type: 'password', secret: true, required: true },
  ],
};

/** The account id written as the REST domain's first label (what Company URLs shows). */
export function accountHostOf(accountId: string): string {
  return accountId.trim().toLowerCase().replace(/_/g, '-');
}
