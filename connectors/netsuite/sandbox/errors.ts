/**
 * NetSuite's REST error bodies (docs.oracle.com … section_156570709583, "Error Handling in REST
 * Web Services"): `{ type, title, status, "o:errorDetails": [{ detail, "o:errorCode",
 * "o:errorPath"?, "o:errorQueryParam"?, "o:errorHeader"? }] }`. The 401 INVALID_LOGIN and the
 * 400 INVALID_CONTENT-with-path bodies are the documented ones; the others keep that shape with
 * wording modelled on what integrators report (README lists which).
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

export interface ErrorDetail {
  detail: string;
  'o:errorCode': string;
  'o:errorPath'?: string;
  'o:errorQueryParam'?: string;
  'o:errorHeader'?: string;
}

const TITLES: Record<number, [string, string]> = {
  400: ['Bad Request', '#sec10.4.1'], 401: ['Unauthorized', ''], 403: ['Forbidden', '#sec10.4.4'], 404: ['Not Found', '#sec10.4.5'],
  405: ['Method Not Allowed', '#sec10.4.6'], 409: ['Conflict', '#sec10.4.10'], 422: ['Unprocessable Entity', ''], 429: ['Too Many Requests', ''], 500: ['Internal Server Error', '#sec10.5.1'],
  503: ['Service Unavailable', '#sec10.5.4'],
};

export function errorBody(status: number, details: ErrorDetail[]): Record<string, unknown> {
  const [title, anchor] = TITLES[status] ?? ['Error', ''];
  return { type: `https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html${anchor}`, title, status, 'o:errorDetails': details };
}

export function nsError(status: number, details: ErrorDetail[], headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/vnd.oracle.resource+json; type=error', ...headers }, body: errorBody(status, details) };
}

/** Thrown from handlers; the pipeline answers it as is. */
export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}

export const invalidLogin = () => nsError(401, [{
  detail: 'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
  'o:errorCode': 'INVALID_LOGIN',
}]);

export const forbidden = () => nsError(403, [{ detail: 'Permission Violation: You need the \'Lists > Contacts\' permission to access this page. Please contact your account administrator.', 'o:errorCode': 'INSUFFICIENT_PERMISSION' }]);

export const notFound = () => nsError(404, [{ detail: 'The record instance does not exist. Provide a valid record instance ID.', 'o:errorCode': 'NONEXISTENT_ID' }]);

export const invalidPath = (path: string) => nsError(404, [{ detail: `Invalid URL path: ${path}. Check the record type and the service version.`, 'o:errorCode': 'INVALID_URL_PATH' }]);

export const concurrencyLimited = (limit: number) => nsError(429, [{
  detail: `Concurrent request limit exceeded. The account allows ${limit} concurrent web services and RESTlet requests. Request blocked.`,
  'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED',
}]);

export const unavailable = () => nsError(503, [{ detail: 'The service is temporarily unavailable. Try again later.', 'o:errorCode': 'SERVICE_UNAVAILABLE' }], { 'retry-after': '1' });

/** A field refused in a record body: the documented INVALID_CONTENT answer with its JSON path. */
export function invalidField(path: string, value: unknown): ErrorDetail {
  return { detail: `Error while accessing resource: You have entered an Invalid Field Value ${String(value)} for the following field: ${path}`, 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': path };
}

/** Mandatory fields left empty: NetSuite names them by their UI labels, without a path. */
export function missingValues(labels: string[]): ErrorDetail {
  return { detail: `Error while accessing resource: Please enter value(s) for: ${labels.join(', ')}`, 'o:errorCode': 'USER_ERROR' };
}

export function badParameter(param: string, detail: string): SandboxResponse {
  return nsError(400, [{ detail, 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': param }]);
}

/** A SuiteQL query NetSuite cannot run (unknown field or table, bad syntax). */
export function suiteqlError(reason: string): SandboxHttpError {
  const response = nsError(400, [{ detail: `Invalid search query. Detailed unprocessed description follows. Search error occurred: ${reason}`, 'o:errorCode': 'INVALID_PARAMETER' }]);
  return new SandboxHttpError(response.status, response.body, response.headers);
}
