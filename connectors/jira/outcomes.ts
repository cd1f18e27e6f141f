/**
 * Per-record outcomes of `POST /rest/api/3/issue/bulk`. Jira answers CreatedIssues: `issues`
 * (the created ones, in input order) and `errors` (one per refused input, `failedElementNumber`
 * its 0-based index). 201 when any input succeeded, 400 when none did: both bodies are read the
 * same way, so one bad issue never fails the others.
 *
 * Created issues carry nothing that names their input (JRACLOUD-81005 asks for a request id);
 * they are matched to the inputs not listed in `errors`, in order, which is the order Jira
 * creates them in.
 */
import { ConnectorError } from '../../src/core/index.js';
import type { WriteOutcome } from '../../src/registry/index.js';
import { elementError } from './errors.js';
import type { CreatedIssues } from './schemas.js';

function missing(index: number): WriteOutcome {
  return { ok: false, error: new ConnectorError(`jira answered the bulk create without a result for input ${index}`, { kind: 'permanent', code: 'missing_result' }) };
}

export function bulkOutcomes(count: number, body: CreatedIssues): WriteOutcome[] {
  const outcomes: Array<WriteOutcome | undefined> = Array.from({ length: count }, () => undefined);
  const unplaced: ConnectorError[] = [];
  for (const error of body.errors) {
    const index = error.failedElementNumber;
    if (index !== undefined && index >= 0 && index < count && outcomes[index] === undefined) outcomes[index] = { ok: false, error: elementError(error) };
    else unplaced.push(elementError(error));
  }
  const open = outcomes.map((o, i) => (o === undefined ? i : -1)).filter((i) => i >= 0);
  open.forEach((index, n) => {
    const created = body.issues[n];
    outcomes[index] = created ? { ok: true, id: created.id, record: { id: created.id, key: created.key } } : unplaced.length > 0 ? { ok: false, error: unplaced[0]! } : missing(index);
  });
  return outcomes as WriteOutcome[];
}
