import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from './types.js';

type Headers = Record<string, string | string[]>;

/** Merges header sets left to right, case-insensitively (later sets win). */
export function mergeHeaders(...sets: (Headers | undefined)[]): Headers {
  const out: Headers = {};
  for (const set of sets) {
    if (!set) continue;
    for (const [name, value] of Object.entries(set)) out[name.toLowerCase()] = value;
  }
  return out;
}

/** Serialises a body and picks a content type unless the handler chose one. */
export function encode(response: SandboxResponse): { headers: Headers; payload: Buffer } {
  const headers = mergeHeaders(response.headers);
  const { body } = response;
  let payload: Buffer;
  let type: string | undefined;
  if (body === undefined) payload = Buffer.alloc(0);
  else if (typeof body === 'string') [payload, type] = [Buffer.from(body, 'utf8'), 'text/plain; charset=utf-8'];
  else if (body instanceof Uint8Array) [payload, type] = [Buffer.from(body), 'application/octet-stream'];
  else [payload, type] = [Buffer.from(JSON.stringify(body), 'utf8'), 'application/json; charset=utf-8'];
  if (type && headers['content-type'] === undefined) headers['content-type'] = type;
  headers['content-length'] = String(payload.length);
  return { headers, payload };
}

function writable(res: ServerResponse): boolean {
  return !res.destroyed && !res.writableEnded && !res.headersSent;
}

export function send(res: ServerResponse, response: SandboxResponse): void {
  if (!writable(res)) return;
  const { headers, payload } = encode(response);
  res.writeHead(response.status, headers);
  res.end(payload);
}

/**
 * Promises a full body in Content-Length, writes only the first half, then cuts the connection:
 * the client sees a good status and headers and fails while reading the body. (A 204 or 304 has
 * no body by definition, so clients see a complete answer there.)
 */
export function sendTruncated(res: ServerResponse, response: SandboxResponse): void {
  if (!writable(res)) return;
  const { headers, payload } = encode(response);
  const written = payload.subarray(0, Math.floor(payload.length / 2));
  headers['content-length'] = String(Math.max(payload.length, written.length + 1));
  res.writeHead(response.status, headers);
  if (written.length > 0) res.write(written, () => res.destroy());
  else {
    // An empty write flushes nothing; push the headers out before cutting.
    res.flushHeaders();
    setImmediate(() => res.destroy());
  }
}

/** Drops the connection with no answer at all (a TCP reset as far as the client can tell). */
export function resetConnection(res: ServerResponse): void {
  res.socket?.resetAndDestroy();
  res.destroy();
}
