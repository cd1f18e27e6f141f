import { useState, type FormEvent } from 'react';
import { api, ApiError, type NewLoad } from '../api.js';
import { Async } from '../components/Async.js';
import { Field } from '../components/Field.js';
import { LoadReportView } from '../components/LoadReportView.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { PlanDiff } from '../components/PlanDiff.js';
import { LoadSourceFields, type LoadSource } from '../form/LoadSourceFields.js';
import { useResource } from '../hooks.js';
import { Link, navigate } from '../router.js';
import type { CatalogueEntry, Connection, LoadWithItems, Workspace } from '../types.js';

function LoadForm({ workspace, connections, catalogue }: { workspace: Workspace; connections: Connection[]; catalogue: CatalogueEntry[] }) {
  const destinations = connections.filter((c) => catalogue.find((e) => e.id === c.connectorId)?.objects.some((o) => o.destination));
  const [connectionId, setConnectionId] = useState(destinations[0]?.id ?? '');
  const objects = catalogue.find((e) => e.id === connections.find((c) => c.id === connectionId)?.connectorId)?.objects.filter((o) => o.destination) ?? [];
  const [object, setObject] = useState('');
  const chosenObject = objects.some((o) => o.name === object) ? object : objects[0]?.name ?? '';
  const [source, setSource] = useState<LoadSource>({ kind: 'file', op: 'upsert', sourceConnectionId: '', sourceObject: '', limit: '100' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [plan, setPlan] = useState<LoadWithItems>();
  const [busy, setBusy] = useState<'dry' | 'run'>();

  const body = (dryRun: boolean): NewLoad | undefined => {
    const found: Record<string, string> = {};
    if (!connectionId) found.connectionId = 'Choose the destination connection';
    if (!chosenObject) found.object = 'Choose the object to write';
    if (source.kind === 'file' && !source.file) found.file = 'Choose a JSON or CSV file';
    if (source.kind === 'canonical' && !source.sourceConnectionId) found.sourceConnectionId = 'Choose the connection whose records to load';
    if (source.kind === 'canonical' && !source.sourceObject) found.sourceObject = 'Choose the source object';
    setErrors(found);
    if (Object.keys(found).length > 0) return undefined;
    return {
      connectionId, object: chosenObject, options: { dryRun },
      ...(source.kind === 'file'
        ? { file: { format: source.file!.format, content: source.file!.content, op: source.op } }
        : { canonical: { connectionId: source.sourceConnectionId, object: source.sourceObject, op: source.op, limit: Number(source.limit) || undefined } }),
    };
  };

  const fail = (e: unknown) => {
    const error = e as ApiError;
    setFailure(error.message);
    if (error.fields?.length) setErrors(Object.fromEntries(error.fields.map((f) => [f.field.startsWith('file') ? 'file' : f.field, f.message])));
  };

  const dryRun = async (event: FormEvent) => {
    event.preventDefault();
    const request = body(true);
    if (!request) return;
    setBusy('dry');
    setFailure(undefined);
    setPlan(undefined);
    try { setPlan(await api.createLoad(workspace.id, request)); } catch (e) { fail(e); } finally { setBusy(undefined); }
  };

  const run = async () => {
    const request = body(false);
    if (!request) return;
    setBusy('run');
    setFailure(undefined);
    try {
      const planned = await api.createLoad(workspace.id, request);
      await api.runLoad(workspace.id, planned.load.id);
      navigate(`/loads/${planned.load.id}?started=1`);
    } catch (e) {
      fail(e);
      setBusy(undefined);
    }
  };

  if (destinations.length === 0) {
    return <Notice tone="info">No connection here can be written to. <Link to="/connectors">Connect a system</Link> whose connector has destination objects.</Notice>;
  }
  return (
    <>
      <form className="card form-narrow" onSubmit={dryRun} noValidate aria-label="New load">
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <Field label="Destination connection" required error={errors.connectionId}>
          <select value={connectionId} onChange={(e) => { setConnectionId(e.target.value); setPlan(undefined); }}>
            {destinations.map((c) => <option key={c.id} value={c.id}>{c.name}{c.sandbox ? ' · Sandbox' : ''}</option>)}
          </select>
        </Field>
        <Field label="Object" required error={errors.object}>
          <select value={chosenObject} onChange={(e) => { setObject(e.target.value); setPlan(undefined); }}>
            {objects.map((o) => <option key={o.name} value={o.name}>{o.label}</option>)}
          </select>
        </Field>
        <LoadSourceFields value={source} onChange={(s) => { setSource(s); setPlan(undefined); }} connections={connections} catalogue={catalogue} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy !== undefined}>{busy === 'dry' ? 'Planning…' : 'Dry run'}</button>
          <span className="muted small">A dry run reads the destination and shows the diff; nothing is written.</span>
        </div>
      </form>
      {plan ? (
        <section className="card" aria-labelledby="plan-title">
          <div className="card-head">
            <h2 id="plan-title">Dry run: what this load would do</h2>
            <button type="button" className="btn btn-primary" onClick={run} disabled={busy !== undefined}>{busy === 'run' ? 'Starting…' : `Run load (${plan.load.report.counts.total - plan.load.report.counts.noop} changes)`}</button>
          </div>
          <LoadReportView report={plan.load.report} />
          <PlanDiff items={plan.items} />
        </section>
      ) : null}
    </>
  );
}

export function NewLoadPage() {
  return (
    <>
      <PageHeader title="New load" description="Write records into a connected system: plan, snapshot, write, verify — and roll back if needed." actions={<Link to="/loads" className="btn btn-ghost">← Loads</Link>} />
      <NeedsWorkspace>{(workspace) => <NewLoadData workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}

function NewLoadData({ workspace }: { workspace: Workspace }) {
  const data = useResource(async () => {
    const [connections, catalogue] = await Promise.all([api.connections(workspace.id), api.catalogue()]);
    return { connections, catalogue };
  }, [workspace.id]);
  return <Async resource={data} what="Connections">{(d) => <LoadForm workspace={workspace} connections={d.connections} catalogue={d.catalogue} />}</Async>;
}
