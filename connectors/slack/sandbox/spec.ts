/**
 * Arguments checked against Slack's own Web API description (slackapi/slack-api-specs, copied in
 * ../fixtures/spec-methods.json from /work/shared/specs; spec.test.ts keeps the two equal):
 * required parameters present, typed parameters of their type. A problem is answered as Slack
 * answers it: `invalid_arguments` with `[ERROR] …` lines in `response_metadata.messages`.
 *
 * Parameters Slack documented after that description (2021) are added here by name:
 * `metadata` (chat.postMessage, chat.update) and `include_all_metadata` (history, replies),
 * from docs.slack.dev/messaging/message-metadata (2022).
 */
import described from '../fixtures/spec-methods.json' with { type: 'json' };
import type { Args } from './args.js';

interface Param {
  name: string;
  in: string;
  type: string | null;
  required: boolean;
}

const LATER: Record<string, Param[]> = {
  'chat.postMessage': [{ name: 'metadata', in: 'formData', type: 'object', required: false }],
  'chat.update': [{ name: 'metadata', in: 'formData', type: 'object', required: false }],
  'conversations.history': [{ name: 'include_all_metadata', in: 'query', type: 'boolean', required: false }],
  'conversations.replies': [{ name: 'include_all_metadata', in: 'query', type: 'boolean', required: false }],
};

/** Structured arguments the description types as JSON-encoded strings; a JSON body sends them as is. */
const STRUCTURED = new Set(['blocks', 'attachments', 'metadata']);

export const SPEC_METHODS = Object.keys(described.methods);

export function paramsOf(method: string): Param[] {
  const entry = (described.methods as Record<string, { params: Param[] }>)[method];
  return entry ? [...entry.params, ...(LATER[method] ?? [])] : [];
}

export function documentedErrors(method: string): string[] {
  return (described.methods as Record<string, { errors: string[] }>)[method]?.errors ?? [];
}

function fits(type: string | null, name: string, value: unknown): boolean {
  if (STRUCTURED.has(name)) return typeof value === 'object' && value !== null;
  switch (type) {
    case 'boolean': return typeof value === 'boolean' || ['true', 'false', '1', '0'].includes(String(value));
    case 'integer': return /^-?\d+$/.test(String(value));
    case 'number': return typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value));
    case 'string': return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    default: return true;
  }
}

/** `[ERROR] …` lines for every argument the description refuses; empty when all is well. */
export function checkArgs(method: string, args: Args): string[] {
  const problems: string[] = [];
  for (const param of paramsOf(method)) {
    const value = args[param.name];
    if (value === undefined || value === '') {
      if (param.required) problems.push(`[ERROR] missing required field: ${param.name}`);
      continue;
    }
    if (!fits(param.type, param.name, value)) problems.push(`[ERROR] invalid type for field: ${param.name} (expected ${STRUCTURED.has(param.name) ? 'a JSON object or array' : param.type})`);
  }
  return problems;
}
