import { EgressError } from './errors.js';
import { compilePolicy, type CompiledPolicy, type EgressPolicy } from './policy.js';
import { checkTarget } from './target.js';

/**
 * The synchronous pre-flight check of an outbound URL. It catches everything visible in the URL
 * itself; what a name resolves to is checked again at connect time by the egress lookup, because
 * only that check sees the addresses actually connected to (DNS rebinding).
 *
 * Refused before parsing: backslashes (WHATWG parsers read `\` as `/` in http(s), so
 * `https://evil.com\@api.hubspot.com` means different hosts to different parsers) and control
 * characters (tabs and newlines are silently removed by the parser, hiding what a URL says).
 * A backslash is refused anywhere, query included: encode it as `%5C`.
 *
 * @returns a fresh parsed URL, safe from later mutation of the caller's object.
 */
export function checkUrl(url: string | URL, policy: EgressPolicy): URL {
  return checkUrlWith(url, compilePolicy(policy));
}

/** `checkUrl` with a policy compiled once (the dispatcher and executor reuse theirs). */
export function checkUrlWith(url: string | URL, policy: CompiledPolicy): URL {
  const parsed = typeof url === 'string' ? parseRaw(url) : new URL(url.href);
  if (parsed.username !== '' || parsed.password !== '') {
    throw userinfo(parsed);
  }
  checkTarget(parsed.protocol, parsed.hostname, policy);
  return parsed;
}

function parseRaw(raw: string): URL {
  if (raw.includes('\\')) {
    throw new EgressError('backslash', 'URL contains a backslash, which URL parsers read as "/" and can move the host');
  }
  if (/[\u0000-\u001f\u007f]/.test(raw)) {
    throw new EgressError('control_char', 'URL contains a control character (tab, newline or other C0/DEL)');
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // The text itself is not echoed: it may hold a token in its query.
    throw new EgressError('malformed_url', 'URL could not be parsed');
  }
  // `https://@host` and `https://:@host` parse to an empty userinfo the URL object forgets;
  // an `@` in the authority is still a sign of a confused or hostile URL.
  const authority = /^[a-z][a-z0-9+.-]*:\/*([^/?#]*)/i.exec(raw.trim())?.[1] ?? '';
  if (authority.includes('@')) throw userinfo(parsed);
  return parsed;
}

function userinfo(parsed: URL): EgressError {
  const host = parsed.hostname;
  return new EgressError('userinfo', `${parsed.protocol}//${host}: credentials in the URL (user@host) are refused`, { host });
}
