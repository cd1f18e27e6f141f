/**
 * One HTTP exchange with Vault. Vault is operator infrastructure, not a vendor, so it is called
 * with undici directly rather than through the executor and its egress guard (which refuses the
 * private addresses Vault usually lives on). Answers 2xx and a GET's or DELETE's 404; turns the rest into a
 * VaultError (Vault meant it) or a VaultUnavailableError (no answer, timeout, 5xx, sealed).
 */
import { request, type Agent } from 'undici';
import type { z } from 'zod';
import { VaultError, VaultUnavailableError } from './errors.js';
import { vaultErrorBody } from './responses.js';

export interface ExchangeInput {
  agent: Agent;
  addr: string;
  timeoutMs: number;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  token?: string;
}

export async function vaultExchange(input: ExchangeInput): Promise<{ status: number; body: unknown }> {
  const { method, path } = input;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (input.token) headers['x-vault-token'] = input.token;
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  let status: number;
  let text: string;
  try {
    const res = await request(`${input.addr}${path}`, {
      method, headers, body: input.body === undefined ? undefined : JSON.stringify(input.body),
      dispatcher: input.agent, signal: AbortSignal.timeout(input.timeoutMs),
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (error) {
    // Only the error's code or name: an undici message could quote the request.
    const code = (error as { code?: string; name?: string }).code ?? (error as Error).name;
    throw new VaultUnavailableError(`Vault at ${input.addr} did not answer ${method} ${path} (${code})`);
  }
  const json = safeJson(text);
  if (status < 300 || (status === 404 && method !== 'POST')) return { status, body: json };
  const errors = vaultErrorBody.safeParse(json).data?.errors ?? [];
  if (status >= 500) throw new VaultUnavailableError(`Vault at ${input.addr} answered ${status} to ${method} ${path}${errors.length ? `: ${errors.join('; ')}` : ''}`);
  throw new VaultError(status, errors, `${method} ${path}`);
}

function safeJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}

/** Parses a Vault answer; a changed shape names the fields, never the values (they are secrets). */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))];
  throw new VaultError(200, [`unexpected answer shape, missing or invalid: ${fields.join(', ')}`], what);
}
