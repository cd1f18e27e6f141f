/**
 * A few calls in flight at once, results in input order. Jira has no batch edit, delete or
 * transition for single issues, and its burst limit counts per endpoint and method, so a small
 * pool keeps loads quick without tripping it.
 */

/** Calls in flight per write; @default 4 */
export const IN_FLIGHT = 4;

export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
