/**
 * Stripe's bracket notation, decoded the way Stripe reads it: `metadata[plan]=pro` is a hash,
 * `types[]=a` and `expand[0]=b` are arrays, `created[gte]=1` is a range. The same rules serve
 * query strings (GET, DELETE) and form bodies (POST), since Stripe accepts both spellings.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Params = Record<string, FormValue>;

/** Params whose numeric keys stay keys (`metadata[0]=x` is a hash entry, not an array). */
const HASHES = new Set(['metadata']);

function segments(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return [key];
  return [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
}

type Node = { [key: string]: Node | string };

function insert(root: Node, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    // `[]` appends: the next free index among the keys already there.
    const key = path[i] === '' ? String(Object.keys(node).length) : path[i]!;
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const child = node[key];
    if (typeof child !== 'object') node[key] = {};
    node = node[key] as Node;
  }
}

function finish(value: Node | string, path: string[]): FormValue {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  const isHash = path.length === 1 && HASHES.has(path[0]!);
  if (!isHash && keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => finish(value[k]!, [...path, k]));
  }
  const out: Record<string, FormValue> = {};
  for (const key of keys) out[key] = finish(value[key]!, [...path, key]);
  return out;
}

/** Decodes ordered key/value pairs (a URLSearchParams, a parsed body) into nested params. */
export function decodeParams(pairs: Iterable<[string, string]>): Params {
  const root: Node = {};
  for (const [key, value] of pairs) insert(root, segments(key), value);
  return finish(root, []) as Params;
}

export function decodeFormBody(raw: Buffer): Params {
  return raw.length === 0 ? {} : decodeParams(new URLSearchParams(raw.toString('utf8')));
}

/** A stable text of params, for comparing an idempotent retry with its original. */
export function fingerprint(params: FormValue): string {
  if (typeof params === 'string') return JSON.stringify(params);
  if (Array.isArray(params)) return `[${params.map(fingerprint).join(',')}]`;
  return `{${Object.keys(params).sort().map((k) => `${JSON.stringify(k)}:${fingerprint(params[k]!)}`).join(',')}}`;
}

export function asString(value: FormValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
