/**
 * Stripe has no batch read or write for customers: one call per record, a few at a time. The
 * platform's rate limiter still paces the calls; this only bounds how many are in flight.
 */
export const IN_FLIGHT = 4;

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
