/**
 * One attempt on the wire: undici through the egress dispatcher, redirects followed by hand so
 * every hop passes the egress checks, the body read and parsed. Never throws for network faults:
 * it answers a status 0 outcome with a reason instead.
 */
import type { Dispatcher } from 'undici';
import type { AttemptDeadline } from './attempt-signal.js';
import { checkUrlWith, type CompiledPolicy } from './egress/index.js';
import { CutBodyError, exchange, type WireResponse } from './wire.js';

export interface AttemptInput {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  dispatcher: Dispatcher;
  deadline: AttemptDeadline;
  egress: CompiledPolicy;
  maxRedirects: number;
}

export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: unknown; text: string; url: URL }
  | { kind: 'network'; reason: 'timeout' | 'aborted' | 'reset' | 'malformed_body' | 'egress' | 'network'; message: string; cause: unknown };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && /json/i.test(contentType)) return JSON.parse(text);
  return text;
}

export async function sendAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  let url = input.url;
  let method = input.method;
  let body = input.body;
  const headers = { ...input.headers };
  for (let hop = 0; ; hop++) {
    let response: WireResponse;
    try {
      response = await exchange({ dispatcher: input.dispatcher, url, method, headers, body, deadline: input.deadline });
    } catch (error) {
      if (error instanceof CutBodyError && !input.deadline.signal.aborted) return { kind: 'network', reason: 'malformed_body', message: error.message, cause: error.cause };
      return networkOutcome(error, input.deadline.signal);
    }
    const responseHeaders = response.headers;
    const text = response.text;
    const location = responseHeaders.location;
    if (REDIRECTS.has(response.status) && location && hop < input.maxRedirects) {
      let next: URL;
      try {
        next = checkUrlWith(new URL(location, url).toString(), input.egress);
      } catch (error) {
        return { kind: 'network', reason: 'egress', message: (error as Error).message, cause: error };
      }
      // Credentials never follow a redirect to another origin.
      if (next.origin !== url.origin) delete headers.authorization;
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      url = next;
      continue;
    }
    try {
      return { kind: 'response', status: response.status, headers: responseHeaders, body: parseBody(text, responseHeaders['content-type']), text, url };
    } catch (error) {
      return { kind: 'network', reason: 'malformed_body', message: 'the response body is not valid JSON (truncated?)', cause: error };
    }
  }
}

function networkOutcome(error: unknown, signal: AbortSignal): AttemptOutcome {
  const err = error as { name?: string; code?: string; message?: string; reason?: unknown; cause?: { name?: string; reason?: string } };
  if (signal.aborted) {
    const timedOut = (signal.reason as Error | undefined)?.name === 'TimeoutError';
    return { kind: 'network', reason: timedOut ? 'timeout' : 'aborted', message: timedOut ? 'the vendor did not answer in time' : 'the call was cancelled', cause: error };
  }
  if (err?.name === 'EgressError' || err?.cause?.name === 'EgressError') {
    const message = err.name === 'EgressError' ? err.message : (err.cause as Error).message;
    return { kind: 'network', reason: 'egress', message: message ?? 'refused by the egress guard', cause: error };
  }
  const reset = err?.code === 'ECONNRESET' || err?.code === 'UND_ERR_SOCKET' || err?.code === 'EPIPE';
  return { kind: 'network', reason: reset ? 'reset' : 'network', message: `connection failed (${err?.code ?? err?.name ?? 'error'})`, cause: error };
}
