/**
 * One outbound POST from the stand-in to a receiver (the hub's request URL), over node:http:
 * the sandbox plays the vendor, so it calls out itself. Times out like the vendor does and never
 * throws: the delivery logic reads the outcome.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type PostOutcome =
  | { kind: 'answered'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

export function postTo(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ kind: 'answered', status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks).toString('utf8') });
      });
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
