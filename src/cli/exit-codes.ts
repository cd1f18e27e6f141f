/** Exit codes that mean something to a script. */
export const EXIT = {
  ok: 0,
  /** Something failed (vendor refused, run failed). */
  failed: 1,
  /** The command was used wrongly (unknown id, bad option). */
  usage: 2,
  /** Partly done: a load with refused records, a rollback that could not restore everything. */
  partial: 3,
} as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failed) {
    super(message);
  }
}
