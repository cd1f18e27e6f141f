/**
 * The event rules PagerDuty documents for `POST /v2/enqueue` (there is no published API
 * description to validate against): a 32-character alphanumeric `routing_key`; `event_action`
 * trigger, acknowledge or resolve; `dedup_key` up to 255 characters, required to acknowledge or
 * resolve; a trigger's `payload` with `summary` (up to 1,024), `source` and `severity` (critical,
 * error, warning, info), an ISO 8601 `timestamp` and an object `custom_details` when given;
 * `images[].src` over HTTPS, `links[].href` present.
 */
export const ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

type Body = Record<string, unknown>;

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function routingKeyProblems(key: unknown): string[] {
  if (blank(key)) return ["'routing_key' is missing or blank"];
  if (typeof key !== 'string') return ["'routing_key' must be a string"];
  const problems: string[] = [];
  if (key.length !== 32) problems.push("Length of 'routing_key' is incorrect (should be 32 characters)");
  if (!/^[A-Za-z0-9]*$/.test(key)) problems.push("'routing_key' cannot contain non-alphanumeric characters.");
  return problems;
}

function payloadProblems(payload: unknown): string[] {
  if (blank(payload) || typeof payload !== 'object' || Array.isArray(payload)) return ["'payload' is missing or blank"];
  const p = payload as Body;
  const problems: string[] = [];
  if (blank(p.summary)) problems.push("'payload.summary' is missing or blank");
  else if (typeof p.summary !== 'string') problems.push("'payload.summary' must be a string");
  else if (p.summary.length > 1024) problems.push("'payload.summary' is too long (maximum is 1024 characters)");
  if (blank(p.source)) problems.push("'payload.source' is missing or blank");
  if (blank(p.severity)) problems.push("'payload.severity' is missing or blank");
  else if (!SEVERITIES.includes(p.severity as never)) problems.push(`'payload.severity' is invalid (must be one of: ${SEVERITIES.join(', ')})`);
  if (p.timestamp !== undefined && (typeof p.timestamp !== 'string' || Number.isNaN(Date.parse(p.timestamp)))) problems.push("'payload.timestamp' is not a valid ISO 8601 timestamp");
  if (p.custom_details !== undefined && (typeof p.custom_details !== 'object' || p.custom_details === null || Array.isArray(p.custom_details))) {
    // PagerDuty keeps a string as it is; anything else that is not an object is refused.
    if (typeof p.custom_details !== 'string') problems.push("'payload.custom_details' must be an object");
  }
  return problems;
}

function contextProblems(body: Body): string[] {
  const problems: string[] = [];
  if (body.images !== undefined) {
    if (!Array.isArray(body.images)) problems.push("'images' must be an array");
    else body.images.forEach((img: Body, i) => { if (typeof img?.src !== 'string' || !img.src.startsWith('https://')) problems.push(`'images[${i}].src' must be an HTTPS URL`); });
  }
  if (body.links !== undefined) {
    if (!Array.isArray(body.links)) problems.push("'links' must be an array");
    else body.links.forEach((link: Body, i) => { if (blank(link?.href)) problems.push(`'links[${i}].href' is missing or blank`); });
  }
  return problems;
}

export function eventProblems(input: unknown): string[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return ['Event object is not a JSON object'];
  const body = input as Body;
  const problems = routingKeyProblems(body.routing_key);
  const action = body.event_action;
  if (blank(action)) problems.push("'event_action' is missing or blank");
  else if (!ACTIONS.includes(action as never)) problems.push(`'event_action' is invalid (must be one of: ${ACTIONS.join(', ')})`);
  if (body.dedup_key !== undefined && typeof body.dedup_key !== 'string') problems.push("'dedup_key' must be a string");
  else if (typeof body.dedup_key === 'string' && body.dedup_key.length > 255) problems.push("'dedup_key' is too long (maximum is 255 characters)");
  if ((action === 'acknowledge' || action === 'resolve') && blank(body.dedup_key)) problems.push("'dedup_key' is missing or blank");
  if (action === 'trigger') problems.push(...payloadProblems(body.payload), ...contextProblems(body));
  return problems;
}
