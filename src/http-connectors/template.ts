/**
 * URL templates of admin-defined actions: `https://api.example.com/v1/items/{item_id}?q={query}`.
 * Placeholders may stand only in the path and the query, never in the scheme, host or port;
 * every value is percent-encoded, dot segments are refused, and the rendered URL must keep the
 * template's origin and static path prefix. A value can never move a request elsewhere.
 */
import { hostMatchesAny } from './hosts.js';

const PLACEHOLDER = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;

export interface TemplateAnalysis {
  problem?: string;
  origin?: string;
  /** The path up to the first placeholder: rendered URLs must start with it. */
  staticPrefix?: string;
  placeholders: string[];
}

export function analyseTemplate(template: string, allowedDomains: string[]): TemplateAnalysis {
  const placeholders = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (/[\\\u0000-\u001f\u007f\s]/.test(template)) return { problem: 'the URL template contains a backslash, a control character or whitespace', placeholders };
  const authority = /^https:\/\/([^/?#]*)/.exec(template);
  if (!authority) return { problem: 'the URL template must start with https:// and a host', placeholders };
  if (/[{}@:]/.test(authority[1]!)) return { problem: 'the scheme, host and port of the URL template are fixed: no placeholder, user info or port there', placeholders };
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, 'x'));
  } catch {
    return { problem: 'the URL template is not a valid URL', placeholders };
  }
  if (url.hash || template.includes('#')) return { problem: 'the URL template may not contain a fragment', placeholders };
  if (!hostMatchesAny(url.hostname, allowedDomains)) return { problem: `the URL template's host ${url.hostname} is not in allowed_domains`, placeholders };
  const firstPlaceholder = template.search(/\{/);
  const pathStart = template.indexOf('/', 'https://'.length);
  const staticPart = firstPlaceholder === -1 ? template : template.slice(0, firstPlaceholder);
  const staticPrefix = pathStart === -1 ? '/' : staticPart.slice(pathStart).split('?')[0]!;
  return { origin: url.origin, staticPrefix, placeholders };
}

export class TemplateError extends Error {}

/** Renders the template; a value that would escape its slot is refused, naming the input. */
export function renderTemplate(template: string, values: Record<string, unknown>, allowedDomains: string[]): URL {
  const analysis = analyseTemplate(template, allowedDomains);
  if (analysis.problem) throw new TemplateError(analysis.problem);
  const rendered = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new TemplateError(`input "${name}" is required by the URL`);
    const text = String(value);
    // "." and ".." (however encoded) would be resolved by URL parsers and climb out of the path.
    if (/^(\.|%2e){1,2}$/i.test(text)) throw new TemplateError(`input "${name}" may not be "." or ".."`);
    return encodeURIComponent(text);
  });
  const url = new URL(rendered);
  if (url.origin !== analysis.origin || !url.pathname.startsWith(analysis.staticPrefix!)) {
    throw new TemplateError('the rendered URL left the template\'s host or path');
  }
  return url;
}
