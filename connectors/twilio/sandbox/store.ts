/**
 * What the Twilio stand-in keeps: one account (its SID, auth token and an API key), the phone
 * numbers it owns, its Messaging Services, and every Message it created, as Twilio renders them.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../src/sandbox/index.js';

export const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

/** RFC 2822 in GMT, as Twilio writes dates: `Thu, 24 Aug 2023 05:01:45 +0000`. */
export const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

// The GSM 03.38 basic set: a body outside it is sent as UCS-2, with shorter segments.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

export function segments(body: string): number {
  if (body === '') return 0;
  const [single, multi] = GSM7.test(body) ? [160, 153] : [70, 67];
  const length = [...body].length;
  return length <= single ? 1 : Math.ceil(length / multi);
}

export interface StoredMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  mediaUrls: string[];
  status: string;
  createdAt: number;
  form: Record<string, unknown>;
}

export class TwilioStore {
  readonly messages: StoredMessage[] = [];
  readonly numbers: Set<string>;
  readonly services: Set<string>;

  constructor(readonly clock: Clock, readonly accountSid: string, numbers: string[], services: string[]) {
    this.numbers = new Set(numbers);
    this.services = new Set(services);
  }

  create(message: Omit<StoredMessage, 'sid' | 'createdAt' | 'accountSid'>): StoredMessage {
    const stored = { ...message, sid: sid(message.mediaUrls.length > 0 ? 'MM' : 'SM'), accountSid: this.accountSid, createdAt: this.clock.now() };
    this.messages.push(stored);
    return stored;
  }

  find(messageSid: string): StoredMessage | undefined {
    return this.messages.find((m) => m.sid === messageSid);
  }

  /** The Message resource, every field of Twilio's schema. */
  render(m: StoredMessage): Record<string, unknown> {
    const uri = `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}`;
    return {
      account_sid: m.accountSid, api_version: '2010-04-01', body: m.body, date_created: rfc2822(m.createdAt), date_sent: null, date_updated: rfc2822(m.createdAt),
      direction: 'outbound-api', error_code: null, error_message: null, from: m.from, messaging_service_sid: m.messagingServiceSid,
      num_media: String(m.mediaUrls.length), num_segments: String(m.from ? segments(m.body) : 0), price: null, price_unit: 'USD', sid: m.sid, status: m.status,
      subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` }, to: m.to, uri: `${uri}.json`,
    };
  }
}
