import type { Run } from '../types.js';

/** created / updated / deleted / rejected of a run, in one compact line. */
export function RunCounts({ run }: { run: Run }) {
  const s = run.stats;
  return (
    <span className="counts" aria-label={`${s.created} created, ${s.updated} updated, ${s.deleted} deleted, ${s.errors} rejected`}>
      <span className="count-created">+{s.created}</span> <span className="count-updated">~{s.updated}</span> <span className="count-deleted">−{s.deleted}</span>
      {s.errors > 0 ? <> <span className="count-rejected">!{s.errors}</span></> : null}
    </span>
  );
}
