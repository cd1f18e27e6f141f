import { SandboxHttpError } from './http-error.js';

/** Why a paging request was refused; each vendor words it its own way through `reject`. */
export interface PagingProblem {
  kind: 'invalid_limit' | 'limit_over_max' | 'invalid_cursor' | 'invalid_offset' | 'invalid_page';
  /** The parameter value as received. */
  value: string;
  message: string;
}

/** How a vendor treats page sizes. Every pager takes these. */
export interface LimitPolicy {
  /** Used when the client sends none. @default 100 */
  defaultLimit?: number;
  /** @default Infinity */
  maxLimit?: number;
  /** @default 1 */
  minLimit?: number;
  /** Over the max: serve `maxLimit` (HubSpot, Stripe cap silently) or refuse. @default 'clamp' */
  overMax?: 'clamp' | 'error';
  /**
   * Builds the error thrown for a bad parameter; a thrown SandboxHttpError is answered as is.
   * @default 400 `{ message }`
   */
  reject?: (problem: PagingProblem) => Error;
}

export function defaultReject(problem: PagingProblem): Error {
  return new SandboxHttpError(400, { message: problem.message });
}

/** Parses a non-negative integer parameter; `undefined` for absent or empty. */
export function parseCount(value: number | string | undefined): number | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : 'invalid';
}

/** The page size to serve, or throws the vendor's error. */
export function resolveLimit(requested: number | string | undefined, policy: LimitPolicy = {}): number {
  const { defaultLimit = 100, maxLimit = Infinity, minLimit = 1, overMax = 'clamp', reject = defaultReject } = policy;
  const parsed = parseCount(requested);
  if (parsed === undefined) return defaultLimit;
  const value = String(requested);
  if (parsed === 'invalid' || parsed < minLimit) {
    throw reject({ kind: 'invalid_limit', value, message: `limit must be an integer of at least ${minLimit}` });
  }
  if (parsed <= maxLimit) return parsed;
  if (overMax === 'clamp') return maxLimit;
  throw reject({ kind: 'limit_over_max', value, message: `limit must not exceed ${maxLimit}` });
}
