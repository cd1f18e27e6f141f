/**
 * The transport under api.ts: JSON in and out, the API key as a bearer token, and the API's one
 * error shape `{ error: { code, message, fields? } }` turned into an ApiError a person can read.
 */
import { apiKey, signOut } from './session.js';

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  /** The server has no such route yet: pages show "not available" instead of an error. */
  get unavailable(): boolean {
    return this.code === 'unavailable';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldError[] };
}

const CONNECTOR_PREFIX: Record<string, string> = {
  connector_permanent: 'The connected system refused the request; check the credentials and their permissions.',
  connector_transient: 'The connected system is unavailable or rate-limiting; try again shortly.',
  connector_validation: 'The connected system rejected the data.',
  connector_not_found: 'The connected system does not have that record.',
  connector_conflict: 'The connected system reported a conflict.',
};

/** 5xx answers that relay a vendor's refusal in words meant for people (a bridge's push subscription, say). */
const RELAYED = new Set(['subscription_failed']);

/** The message a person sees for a failed call; the API's own message where it is meant for people. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = error?.code ?? 'unknown';
  const message = error?.message ?? '';
  const fields = Array.isArray(error?.fields) ? error.fields : [];
  if (status === 404 && /^no route /.test(message)) {
    return new ApiError(status, 'unavailable', 'This part of the API is not available on this server yet.');
  }
  if (status === 401) return new ApiError(status, code, 'Your API key was not accepted. Sign in again.');
  if (status === 403) return new ApiError(status, code, 'Your role does not allow this. Ask an org admin.');
  if (status >= 500 && !code.startsWith('connector_') && !RELAYED.has(code)) {
    return new ApiError(status, code, `Something went wrong on the server (${status}). It is logged; try again in a moment.`);
  }
  const prefix = CONNECTOR_PREFIX[code];
  if (prefix) return new ApiError(status, code, message ? `${prefix} ${message}` : prefix, fields);
  if (fields.length > 0 && code === 'validation') return new ApiError(status, code, 'Some fields need attention.', fields);
  return new ApiError(status, code, message || `The request failed (${status}).`, fields);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const query = Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const url = query.length > 0 ? `${path}?${new URLSearchParams(query.map(([k, v]) => [k, String(v)]))}` : path;
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET', headers, signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Cannot reach the Forgeworks server. Check that it is running and try again.');
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try { body = JSON.parse(text); } catch { body = null; }
  }
  if (!response.ok) {
    const error = toApiError(response.status, body);
    // Only a key the server refused ends the session; the sign-in page itself checks keys quietly.
    if (response.status === 401 && key) signOut('expired');
    throw error;
  }
  if (text && body === null) throw new ApiError(response.status, 'bad_response', 'The server answered with something other than JSON.');
  return body as T;
}

/** Lists arrive as an array, `{ items }`, `{ data }` or `{ <name>: [...] }`; pages read them the same way. */
export function listOf<T>(body: unknown, name?: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const record = (body ?? {}) as Record<string, unknown>;
  for (const key of [name, 'items', 'data', 'results'].filter(Boolean) as string[]) {
    if (Array.isArray(record[key])) return record[key] as T[];
  }
  const arrays = Object.values(record).filter(Array.isArray);
  return arrays.length === 1 ? (arrays[0] as T[]) : [];
}
