/**
 * One outbound POST from the stand-in to a receiver (a subscription's notification URL), over
 * node:http: the sandbox plays Graph, so it calls out itself. Never throws; times out as Graph does.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type PostOutcome =
  | { kind: 'answered'; status: number; contentType: string; body: string }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

export function postTo(url: string, body: string, contentType: string, timeoutMs: number): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: 'POST', headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ kind: 'answered', status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ kind: 'failed', message: error.message }));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ kind: 'timeout' });
    });
    req.on('error', (error) => resolve({ kind: 'failed', message: error.message }));
    req.end(body);
  });
}
