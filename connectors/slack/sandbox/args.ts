/**
 * A Web API call's arguments, wherever the client put them: the query string, a form body or a
 * JSON body (docs.slack.dev/apis/web-api, "POST bodies"). In a form body, structured arguments
 * (`blocks`, `attachments`, `metadata`) arrive JSON-encoded, as @slack/web-api sends them.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';

export type Args = Record<string, unknown>;

const JSON_ENCODED = new Set(['blocks', 'attachments', 'metadata']);

export function argsOf(req: Pick<SandboxRequest, 'query' | 'body'>): Args {
  const args: Args = { ...req.query };
  const body = req.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(args, body);
  for (const key of JSON_ENCODED) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Left as a string: the method answers it with its own format error.
    }
  }
  return args;
}

export function text(args: Args, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function flag(args: Args, name: string): boolean {
  const value = args[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function integer(args: Args, name: string, fallback: number): number {
  const value = Number(args[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
