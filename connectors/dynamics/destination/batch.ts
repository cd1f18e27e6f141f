/**
 * OData `$batch` bodies as Dataverse reads and writes them (learn.microsoft.com/power-apps/
 * developer/data-platform/webapi/execute-batch-operations-using-web-api): a `multipart/mixed`
 * request whose parts are whole HTTP requests, answered by a `multipart/mixed` body whose parts
 * are whole HTTP responses, in request order. No change sets: each operation stands alone.
 */
import { randomUUID } from 'node:crypto';

export interface BatchOperation {
  method: 'POST' | 'PATCH' | 'DELETE';
  /** A path on the Web API, e.g. `/api/data/v9.2/contacts(…)`. */
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
}

export interface BatchAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const CRLF = '\r\n';

export function newBoundary(): string {
  return `batch_${randomUUID()}`;
}

export function buildBatch(boundary: string, operations: BatchOperation[]): string {
  const parts = operations.map((op) => {
    const head = [`${op.method} ${op.url} HTTP/1.1`];
    if (op.json !== undefined) head.push('Content-Type: application/json; type=entry');
    for (const [name, value] of Object.entries(op.headers ?? {})) head.push(`${name}: ${value}`);
    const body = op.json === undefined ? '' : JSON.stringify(op.json);
    return [`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', ...head, '', body].join(CRLF);
  });
  return `${parts.join(CRLF)}${CRLF}--${boundary}--${CRLF}`;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
}

function headerBlock(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parsePart(part: string): BatchAnswer[] {
  const text = part.replace(/\r\n/g, '\n').replace(/^\n+/, '');
  const gap = text.indexOf('\n\n');
  const mime = headerBlock(text.slice(0, gap < 0 ? text.length : gap).split('\n'));
  const rest = gap < 0 ? '' : text.slice(gap + 2);
  // A change set's answers are a multipart body of their own.
  if (/multipart\/mixed/i.test(mime['content-type'] ?? '')) return parseBatch(rest, mime['content-type']);
  const end = rest.indexOf('\n\n');
  const [statusLine = '', ...headerLines] = (end < 0 ? rest : rest.slice(0, end)).split('\n');
  const status = Number(/^HTTP\/\d\.\d\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
  const raw = end < 0 ? '' : rest.slice(end + 2).trim();
  let body: unknown = raw === '' ? undefined : raw;
  if (raw.startsWith('{')) {
    try { body = JSON.parse(raw); } catch { /* kept as text */ }
  }
  return [{ status, headers: headerBlock(headerLines), body }];
}

/** The answers of a batch response, in request order; an unreadable body gives none. */
export function parseBatch(text: string, contentType: string | undefined): BatchAnswer[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) return [];
  const sections = text.split(`--${boundary}`).slice(1);
  const answers: BatchAnswer[] = [];
  for (const section of sections) {
    if (section.startsWith('--')) break;
    answers.push(...parsePart(section));
  }
  return answers;
}
