import type { CatalogueEntry } from '../types.js';

/** "Connect your system": the connector's own steps, scopes and plan limits, beside the form. */
export function ConnectGuide({ entry }: { entry: CatalogueEntry }) {
  const scopes = entry.guide.scopes.length > 0 ? entry.guide.scopes : [...new Set(entry.authMethods.flatMap((m) => m.scopes))];
  return (
    <aside className="card guide" aria-labelledby="guide-title">
      <h2 id="guide-title">Connect your system</h2>
      <ol className="guide-steps">{entry.guide.steps.map((step, i) => <li key={i}>{step}</li>)}</ol>
      {scopes.length > 0 ? (
        <section>
          <h3>Scopes to grant</h3>
          <ul className="tags">{scopes.map((s) => <li key={s} className="tag tag-mono">{s}</li>)}</ul>
        </section>
      ) : null}
      {entry.guide.limits ? (
        <section>
          <h3>Limits</h3>
          <p>{entry.guide.limits}</p>
        </section>
      ) : null}
      <section>
        <h3>Hosts it calls</h3>
        <ul className="tags">{entry.allowedDomains.map((d) => <li key={d} className="tag tag-mono">{d}</li>)}</ul>
      </section>
      <p className="small"><a href={entry.docsUrl} target="_blank" rel="noreferrer">{entry.name} API documentation ↗</a></p>
    </aside>
  );
}
