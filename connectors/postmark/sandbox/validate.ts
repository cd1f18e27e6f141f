/**
 * The Email API's rules for `POST /email` as Postmark documents them (there is no published API
 * description in ../shared/specs for Postmark): a From, at least one recipient and at most 50
 * across To, Cc and Bcc, valid addresses (`Name <address>` allowed), a TextBody or an HtmlBody,
 * typed optional fields. The first problem is answered, as Postmark answers one ErrorCode.
 */
type Body = Record<string, unknown>;

const ADDRESS = /^[^\s@<>,"]+@[^\s@<>,"]+\.[^\s@<>,"]+$/;

/** `a@x.com, "B" <b@y.com>` → the bare addresses. */
export function addresses(field: unknown): string[] {
  if (typeof field !== 'string' || field.trim() === '') return [];
  return field.split(',').map((part) => {
    const angled = /<([^>]*)>\s*$/.exec(part);
    return (angled ? angled[1]! : part).trim();
  });
}

const STRINGS = ['From', 'To', 'Cc', 'Bcc', 'Subject', 'Tag', 'HtmlBody', 'TextBody', 'ReplyTo', 'MessageStream'] as const;

export function emailProblem(input: unknown): string | undefined {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return 'Received invalid JSON input.';
  const body = input as Body;
  for (const name of STRINGS) if (body[name] !== undefined && body[name] !== null && typeof body[name] !== 'string') return `The '${name}' field must be a string.`;
  const from = addresses(body.From);
  if (from.length !== 1 || !ADDRESS.test(from[0]!)) return `Invalid 'From' address: '${String(body.From ?? '')}'.`;
  for (const name of ['To', 'Cc', 'Bcc', 'ReplyTo'] as const) {
    const bad = addresses(body[name]).find((a) => !ADDRESS.test(a));
    if (bad !== undefined) return `Invalid '${name}' address: '${bad}'.`;
  }
  const count = addresses(body.To).length + addresses(body.Cc).length + addresses(body.Bcc).length;
  if (count === 0) return 'Zero recipients specified';
  if (count > 50) return `Too many recipients specified (${count}). The maximum is 50 across To, Cc and Bcc.`;
  if (!body.TextBody && !body.HtmlBody) return 'Provide either email TextBody or HtmlBody or both.';
  if (body.Headers !== undefined && !Array.isArray(body.Headers)) return "The 'Headers' field must be an array of { Name, Value }.";
  if (body.Metadata !== undefined && (typeof body.Metadata !== 'object' || body.Metadata === null || Array.isArray(body.Metadata))) return "The 'Metadata' field must be an object.";
  if (body.TrackOpens !== undefined && typeof body.TrackOpens !== 'boolean') return "The 'TrackOpens' field must be a boolean.";
  if (body.TrackLinks !== undefined && !['None', 'HtmlAndText', 'HtmlOnly', 'TextOnly'].includes(String(body.TrackLinks))) return "The 'TrackLinks' field must be one of None, HtmlAndText, HtmlOnly, TextOnly.";
  return undefined;
}
