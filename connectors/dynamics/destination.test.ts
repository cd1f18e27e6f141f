/**
 * Writing to Dataverse, beyond the shared suite: a delete confirmed by the read after it, a
 * `$batch` whose refused record names its column without failing the others, lookups bound
 * through navigation properties, updates that never create, natural keys found case-blind,
 * restore under the old id, and a refused token stopping the load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFault } from '../../test/conformance/source.js';
import { destinationOf, dynamicsContext } from './fixtures/context.js';
import { dynamicsHealthCheck, testDynamicsConnection } from './health.js';
import { dynamicsErrorResponse, startDynamicsSandbox, type DynamicsSandbox } from './sandbox/index.js';

const contacts = () => destinationOf('contacts');
const MISSING = '00000000-0000-4000-8000-0000000000aa';

describe('Dynamics destination', () => {
  let sandbox: DynamicsSandbox;
  beforeAll(async () => { sandbox = await startDynamicsSandbox({ seed: { accounts: 2 } }); });
  afterAll(async () => sandbox.stop());

  const created = async (record: Record<string, unknown>) => {
    const [outcome] = await contacts().create(await dynamicsContext(sandbox), [record], { idempotencyKeys: ['k'] });
    if (!outcome!.ok) throw outcome!.error;
    return outcome!.id;
  };

  it('confirms a delete by reading after it, and counts deleting a deleted record as done', async () => {
    const ctx = await dynamicsContext(sandbox);
    const id = await created({ lastname: 'Gone', emailaddress1: 'gone@example.com' });
    sandbox.server.clearLog();
    expect(await contacts().delete(ctx, [id])).toEqual([{ ok: true, id }]);
    expect((await contacts().get(ctx, [id])).get(id)).toBeNull();
    expect(sandbox.server.requestLog.map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 204', 'GET 200']);
    expect(await contacts().delete(ctx, [id])).toEqual([{ ok: true, id }]);
  });

  it('writes several records in one $batch and names the column of the one Dataverse refuses', async () => {
    const ctx = await dynamicsContext(sandbox);
    sandbox.server.clearLog();
    const outcomes = await contacts().create(ctx, [
      { lastname: 'One', emailaddress1: 'one@example.com' }, { lastname: 'L'.repeat(51) }, { lastname: 'Three', shoesize: 44 }, { lastname: 'Four' },
    ], { idempotencyKeys: ['a', 'b', 'c', 'd'] });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    const [, long, unknown] = outcomes;
    if (long!.ok || unknown!.ok) throw new Error('unreachable');
    expect(long!.error).toMatchObject({ kind: 'validation', status: 400, code: '0x80044331', fields: [{ field: 'lastname' }] });
    expect(unknown!.error.fields.map((f) => f.field)).toEqual(['shoesize']);
    const [batch] = sandbox.server.requestLog;
    expect(`${batch!.method} ${batch!.path}`).toBe('POST /api/data/v9.2/$batch');
    expect(batch!.headers.prefer).toBe('odata.continue-on-error');
    expect(batch!.headers['content-type']).toMatch(/^multipart\/mixed; boundary="batch_/);
  });

  it('binds a contact to its account, and refuses a bind to an account that does not exist', async () => {
    const ctx = await dynamicsContext(sandbox);
    const [account] = sandbox.liveIds('accounts');
    const id = await created({ lastname: 'Bound', _parentcustomerid_value: account });
    expect((await contacts().get(ctx, [id])).get(id)).toMatchObject({ _parentcustomerid_value: account });
    const [refused] = await contacts().create(ctx, [{ lastname: 'Orphan', _parentcustomerid_value: MISSING }], { idempotencyKeys: ['o'] });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'not_found', code: '0x80040217' } });
  });

  it('updates without ever creating: a missing record is not found, a non-GUID id never leaves', async () => {
    const ctx = await dynamicsContext(sandbox);
    sandbox.server.clearLog();
    const outcomes = await contacts().update(ctx, [{ id: MISSING, fields: { jobtitle: 'Ghost' } }, { id: 'not-a-guid', fields: { jobtitle: 'x' } }]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.kind))).toEqual(['not_found', 'not_found']);
    expect(sandbox.server.requestLog.map((r) => `${r.method} ${r.headers['if-match']}`)).toEqual(['PATCH *']);
    expect(sandbox.liveIds('contacts')).not.toContain(MISSING);
  });

  it('finds records by natural key case-blind, quotes included, and reads extra columns a load writes', async () => {
    const ctx = await dynamicsContext(sandbox);
    const id = await created({ lastname: "O'Brien", emailaddress1: "o'brien@example.com", description: 'Kept' });
    const found = await contacts().findByNaturalKey!(ctx, ["O'Brien@Example.com", 'nobody@example.com']);
    expect([...found.keys()]).toEqual(["O'Brien@Example.com"]);
    expect(found.get("O'Brien@Example.com")).toMatchObject({ contactid: id });
    const read = (await contacts().get(ctx, [id], { fields: ['description', 'parentcustomerid_account@odata.bind'] })).get(id)!;
    expect(read).toMatchObject({ description: 'Kept', _parentcustomerid_value: null });
    expect(Object.keys(read).some((k) => k.includes('@'))).toBe(false);
  });

  it('restores a deleted record under its old id from the snapshot', async () => {
    const ctx = await dynamicsContext(sandbox);
    const [account] = sandbox.liveIds('accounts');
    const id = await created({ firstname: 'Back', lastname: 'Again', _parentcustomerid_value: account });
    const snapshot = (await contacts().get(ctx, [id])).get(id)!;
    await contacts().delete(ctx, [id]);
    expect(await contacts().restore!(ctx, id, snapshot)).toEqual({ ok: true, id });
    expect((await contacts().get(ctx, [id])).get(id)).toMatchObject({ fullname: 'Back Again', _parentcustomerid_value: account });
    // Restoring over a record that exists is refused rather than overwriting it.
    expect(await contacts().restore!(ctx, id, snapshot)).toMatchObject({ ok: false, error: { kind: 'conflict', status: 412 } });
  });

  it('stops the load when Dataverse refuses the token or the role', async () => {
    const ctx = await dynamicsContext(sandbox);
    sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(dynamicsErrorResponse(403)) });
    await expect(contacts().create(ctx, [{ lastname: 'A' }, { lastname: 'B' }], { idempotencyKeys: ['a', 'b'] })).rejects.toMatchObject({ kind: 'permanent', status: 403 });
    sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(dynamicsErrorResponse(401)) });
    await expect(contacts().update(ctx, [{ id: MISSING, fields: { lastname: 'A' } }])).rejects.toMatchObject({ kind: 'permanent', status: 401 });
    sandbox.server.faults.clear();
  });

  it('checks the connection with WhoAmI, names a refused secret, and reports a role that cannot read contacts', async () => {
    const ctx = await dynamicsContext(sandbox);
    expect(await testDynamicsConnection(ctx)).toEqual({ ok: true, message: `Connected to Dataverse as application user ${sandbox.userId}.` });
    sandbox.server.faults.add({ kind: 'status', times: 1, match: (r) => r.path.endsWith('/contacts'), ...asFault(dynamicsErrorResponse(403)) });
    expect(await dynamicsHealthCheck(ctx)).toMatchObject({ ok: false, message: expect.stringContaining('is missing prvReadContact privilege') });
    sandbox.server.faults.clear();
    const wrong = await dynamicsContext(sandbox, { secrets: { clientId: sandbox.app.clientId, clientSecret: 'not-the-secret' } });
    expect(await testDynamicsConnection(wrong)).toMatchObject({ ok: false, message: expect.stringContaining('AADSTS7000215') });
  });
});
