import type { HttpRequest, QueryValue } from './http-types.js';

/**
 * Joins a path to the base URL and appends the query. A path never replaces the base's host:
 * an absolute URL is taken as is (and then judged by the egress guard like any other).
 */
export function buildUrl(baseUrl: string | undefined, path: string, query?: Record<string, QueryValue>): string {
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) url = new URL(path);
  else {
    if (!baseUrl) throw new Error(`a relative path (${path}) needs a base URL`);
    const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
    url = new URL(base + (path.startsWith('/') ? path : `/${path}`));
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.append(key, String(value));
  }
  return url.toString();
}

export function encodeBody(req: HttpRequest<unknown>): { body?: string; headers: Record<string, string> } {
  if (req.json !== undefined) return { body: JSON.stringify(req.json), headers: { 'content-type': 'application/json' } };
  if (req.form !== undefined) {
    const params = req.form instanceof URLSearchParams ? req.form : new URLSearchParams();
    if (!(req.form instanceof URLSearchParams)) for (const [k, v] of Object.entries(req.form)) if (v !== undefined) params.append(k, String(v));
    return { body: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  if (req.body !== undefined) return { body: req.body, headers: {} };
  return { headers: {} };
}
