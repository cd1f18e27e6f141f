/**
 * Twilio's error body, `{ code, message, more_info, status }`, in the platform's taxonomy. The
 * code names the parameter at fault (twilio.com/docs/api/errors): 21211, 21604, 21408, 21610,
 * 21612, 21614 are about `To`; 21212, 21603, 21606, 21659 about `From`; 21602, 21617 about
 * `Body`; 21620 `MediaUrl`; 21701–21705 `MessagingServiceSid`. Fields keep Twilio's parameter
 * names. 20003 (Authenticate) is a refused credential; 20429 is Twilio's "never processed" 429.
 */
import type { FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { twilioErrorSchema } from './schemas.js';

const PARAM_OF_CODE: Record<number, string> = {
  21211: 'To', 21401: 'To', 21408: 'To', 21604: 'To', 21610: 'To', 21612: 'To', 21614: 'To',
  21212: 'From', 21603: 'From', 21606: 'From', 21659: 'From', 21660: 'From',
  21602: 'Body', 21617: 'Body', 21619: 'Body',
  21620: 'MediaUrl', 21623: 'MediaUrl',
  21701: 'MessagingServiceSid', 21703: 'MessagingServiceSid', 21704: 'MessagingServiceSid', 21705: 'MessagingServiceSid',
};

export function fieldsOf(code: number | null | undefined, message: string): FieldError[] {
  const byCode = code == null ? undefined : PARAM_OF_CODE[code];
  if (byCode) return [{ field: byCode, message }];
  // "Invalid parameter: ValidityPeriod", the form Twilio uses where no specific code exists.
  const named = /\bparameter:? '?([A-Z][A-Za-z]+)'?/.exec(message)?.[1];
  return named ? [{ field: named, message }] : [];
}

/** The definition's `errorParser`. */
export function parseTwilioError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = twilioErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { code, message, more_info: moreInfo } = parsed.data;
  return {
    message: `${code != null ? `${code} ` : ''}${message}${moreInfo ? ` (${moreInfo})` : ''}`,
    code: code == null ? undefined : String(code),
    fields: fieldsOf(code, message),
  };
}
