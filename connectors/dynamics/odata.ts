/**
 * The OData v4 details every Dataverse call shares: the Web API root, GUID keys, query strings
 * (values percent-encoded with %20, never `+`, which OData does not read as a space), string
 * literals, the `Prefer` header, and links that must stay on the configured host.
 */
export const API_ROOT = '/api/data/v9.2';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: unknown): value is string => typeof value === 'string' && GUID.test(value);

/** Annotations read with every record: option-set labels and which table a lookup points at. */
export const READ_ANNOTATIONS = 'OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname';

/** `?$select=a,b&$filter=…`: system query option names kept as is, values encoded. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** An OData string literal: single quotes doubled. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `Prefer` preferences joined as RFC 7240 allows. */
export function prefer(...preferences: Array<string | false | undefined>): string {
  return preferences.filter(Boolean).join(',');
}

export const pageSizePreference = (size: number) => `odata.maxpagesize=${size}`;
export const annotationsPreference = (list: string) => `odata.include-annotations="${list}"`;

/** The entity set path, or one record's by primary key. */
export function entityPath(set: string, id?: string): string {
  return id === undefined ? `${API_ROOT}/${set}` : `${API_ROOT}/${set}(${id})`;
}

/**
 * A link Dataverse handed back (`@odata.nextLink`), as a path and query on the configured host:
 * a link is never followed to another origin, and a stored one survives a change of host name.
 */
export function relativeLink(link: string): string {
  const url = new URL(link, 'https://placeholder.invalid');
  if (!url.pathname.startsWith('/api/data/')) throw new Error(`not a Dataverse Web API link: ${url.pathname}`);
  return url.pathname + url.search;
}

/** The `$deltatoken` of an `@odata.deltaLink`. */
export function deltaTokenOf(link: string): string | undefined {
  return new URL(link, 'https://placeholder.invalid').searchParams.get('$deltatoken') ?? undefined;
}

/** The GUID at the end of an `OData-EntityId` URI (`…/contacts(7eb6…)`). */
export function idFromEntityUri(uri: string | undefined): string | undefined {
  const match = /\(([0-9a-f-]{36})\)\s*$/i.exec(uri ?? '');
  return match?.[1]?.toLowerCase();
}
