/** Query values; `undefined` removes the parameter from the base URL. */
export type QueryValues = Record<string, string | number | boolean | undefined>;

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The base URL with `params` set (replacing values already there). A relative base stays
 * relative, since Salesforce's `nextRecordsUrl` is a bare path and OData's `@odata.nextLink`
 * an absolute URL.
 */
export function nextUrl(baseUrl: string, params: QueryValues = {}): string {
  const url = new URL(baseUrl, 'http://relative.invalid');
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, String(value));
  }
  return ABSOLUTE.test(baseUrl) ? url.href : url.pathname + url.search + url.hash;
}

/**
 * An RFC 8288 `Link` header value, relations in the order given:
 * `linkHeader(base, { next: { page: 3 }, last: { page: 9 } })` gives
 * `<base?page=3>; rel="next", <base?page=9>; rel="last"`. `undefined` when no relation is given,
 * so a last page can simply omit the header.
 */
export function linkHeader(baseUrl: string, rels: Record<string, QueryValues | undefined>): string | undefined {
  const parts = Object.entries(rels)
    .filter((pair): pair is [string, QueryValues] => pair[1] !== undefined)
    .map(([rel, params]) => `<${nextUrl(baseUrl, params)}>; rel="${rel}"`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
