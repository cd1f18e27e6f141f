/**
 * Removes secrets from text before it reaches a log line, an API answer, an error message or a
 * dead letter. Two layers: every secret value known to the call (and its common encodings), and
 * credential-shaped patterns in general (bearer/basic tokens, api keys in query strings).
 */
const REDACTED = '[REDACTED]';

/** Credential shapes redacted whatever the call knew. Order matters: headers before bare tokens. */
const GENERIC_PATTERNS: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic|Token|OAuth)\s+[A-Za-z0-9\-._~+/=:%]{6,}/gi, `$1 ${REDACTED}`],
  [/\b(authorization|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret|password|token|secret)(["']?\s*[:=]\s*["']?)[^\s"'&,}]{4,}/gi, `$1$2${REDACTED}`],
  [/\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{6,}/g, REDACTED],
  [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bpat-[a-z0-9]{2,4}-[0-9a-f-]{16,}/gi, REDACTED],
  [/(https?:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${REDACTED}@`],
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret takes on the wire: as is, URL-encoded, base64 (Basic auth) and JSON-escaped. */
function encodings(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
  return [...forms].filter((form) => form.length >= 4);
}

export type Scrubber = (text: string) => string;

/**
 * @param secrets values to remove wherever they appear; values shorter than 4 characters are
 * ignored (they would shred ordinary text and are no secret worth the name).
 */
export function createScrubber(secrets: Iterable<string | undefined | null> = []): Scrubber {
  const forms = [...new Set([...secrets].filter((s): s is string => typeof s === 'string' && s.length >= 4).flatMap(encodings))]
    .sort((a, b) => b.length - a.length);
  const known = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : null;
  return (text: string): string => {
    let out = known ? text.replace(known, REDACTED) : text;
    for (const [pattern, replacement] of GENERIC_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

export const scrubGeneric: Scrubber = createScrubber();

/** Scrubs every string inside a JSON-like value, and drops values of keys that name a secret. */
export function scrubValue<T>(value: T, scrub: Scrubber = scrubGeneric): T {
  return walk(value, scrub) as T;
}

const SECRET_KEY = /^(password|pass|secret|client_secret|token|access_token|refresh_token|api_key|apikey|apiToken|api_token|authorization|private_key|privateKeyPem|signing_secret|auth_token)$/i;

function walk(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, scrub));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && inner ? REDACTED : walk(inner, scrub);
    return out;
  }
  return value;
}
