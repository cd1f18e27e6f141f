/**
 * `POST /api/data/v9.2/$batch`: a `multipart/mixed` body of whole HTTP requests (at most
 * 1,000), run in order and answered as a `multipart/mixed` body of whole HTTP responses.
 * Without `Prefer: odata.continue-on-error` the first failure ends the batch and becomes its
 * status; with it every request runs and the batch answers 200. Change sets are not modelled.
 */
import { randomUUID } from 'node:crypto';
import { SandboxHttpError, type SandboxRequest, type SandboxResponse } from '../../../src/sandbox/index.js';
import { dvError } from './errors.js';
import { parsePrefer } from './render.js';

export const MAX_BATCH = 1000;

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 412: 'Precondition Failed', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented' };

function parseRequests(req: SandboxRequest): SandboxRequest[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (!boundary) throw dvError(400, '0x80060888', 'The batch request must have a "Content-Type" header of multipart/mixed with a boundary.');
  const parts = req.rawBody.toString('utf8').split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--'));
  return parts.map((part) => {
    const text = part.replace(/\r\n/g, '\n').replace(/^\n+/, '');
    const [mime = '', rest = ''] = splitOnce(text, '\n\n');
    if (/content-type:\s*multipart\/mixed/i.test(mime)) throw dvError(501, '0x80060888', 'Change sets are not implemented by this sandbox.');
    const [head = '', body = ''] = splitOnce(rest, '\n\n');
    const [requestLine = '', ...headerLines] = head.split('\n');
    const [method = 'GET', target = '/'] = requestLine.trim().split(/\s+/);
    const url = new URL(target, req.baseUrl);
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const raw = body.trim();
    let parsed: unknown;
    if (raw !== '') {
      try { parsed = JSON.parse(raw); } catch { throw dvError(400, '0x80048d19', `Invalid JSON in a batch part: ${raw.slice(0, 40)}`); }
    }
    return { ...req, method: method.toUpperCase(), path: url.pathname, url: url.pathname + url.search, query: Object.fromEntries(url.searchParams), searchParams: url.searchParams, headers: { ...headers, authorization: req.headers.authorization ?? '' }, rawBody: Buffer.from(raw), body: parsed, params: {} };
  });
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

function responsePart(response: SandboxResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`.trim()];
  for (const [name, value] of Object.entries(response.headers ?? {})) lines.push(`${name}: ${[value].flat().join(', ')}`);
  const body = response.body === undefined ? '' : typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  return ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', ...lines, '', body].join('\r\n');
}

export async function runBatch(req: SandboxRequest, dispatch: (sub: SandboxRequest) => Promise<SandboxResponse>): Promise<SandboxResponse> {
  const requests = parseRequests(req);
  if (requests.length > MAX_BATCH) throw dvError(400, '0x80060888', `The number of requests in a batch exceeds the limit of ${MAX_BATCH}.`);
  const keepGoing = parsePrefer(req.headers.prefer).continueOnError;
  const answers: SandboxResponse[] = [];
  for (const sub of requests) {
    const answer = await dispatch(sub).catch((error: unknown) => {
      if (error instanceof SandboxHttpError) return error.toResponse();
      throw error;
    });
    answers.push(answer);
    if (answer.status >= 400 && !keepGoing) break;
  }
  const boundary = `batchresponse_${randomUUID()}`;
  const failed = answers.find((a) => a.status >= 400);
  const body = `${answers.map((a) => `--${boundary}\r\n${responsePart(a)}`).join('\r\n')}\r\n--${boundary}--\r\n`;
  return { status: failed && !keepGoing ? failed.status : 200, headers: { 'odata-version': '4.0', 'content-type': `multipart/mixed; boundary=${boundary}` }, body };
}
