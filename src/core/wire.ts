/**
 * One HTTP exchange on undici's dispatch API: origin and path straight from the checked URL (no
 * second parse), the attempt's deadline bound to the request's own abort, the body collected as
 * text. Rejects with undici's error, or with the deadline's reason when it fired.
 */
import type { Dispatcher } from 'undici';
import type { AttemptDeadline } from './attempt-signal.js';

export interface WireRequest {
  dispatcher: Dispatcher;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  deadline: AttemptDeadline;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Thrown when the response started but its body did not arrive whole. */
export class CutBodyError extends Error {
  constructor(cause: unknown) {
    super('the response body was cut off', { cause });
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function exchange(request: WireRequest): Promise<WireResponse> {
  return new Promise<WireResponse>((resolve, reject) => {
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let started = false;
    request.dispatcher.dispatch({
      origin: request.url.origin, path: request.url.pathname + request.url.search,
      method: request.method as Dispatcher.HttpMethod, headers: request.headers, body: request.body,
    }, {
      onRequestStart(controller) {
        request.deadline.bind((reason) => controller.abort(reason));
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        started = true;
        status = statusCode;
        headers = flattenHeaders(responseHeaders as Record<string, string | string[] | undefined>);
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        resolve({ status, headers, text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8') });
      },
      onResponseError(_controller, error) {
        const fired = request.deadline.signal.aborted ? request.deadline.signal.reason : undefined;
        reject(fired ?? (started ? new CutBodyError(error) : error));
      },
    });
  });
}
