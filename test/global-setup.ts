// Filled in by the database module: starts one embedded PostgreSQL for the whole test run.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
