import { categoryLabel } from '../categories.js';
import { Link } from '../router.js';
import type { CatalogueEntry } from '../types.js';

/** A catalogue tile: what the system is, what it can do, and the way in. */
export function ConnectorCard({ entry }: { entry: CatalogueEntry }) {
  const reads = entry.objects.filter((o) => o.source).length;
  const writes = entry.objects.filter((o) => o.destination).length;
  return (
    <article className="card connector-card" aria-labelledby={`connector-${entry.id}`}>
      <div className="connector-head">
        <span className="connector-logo" aria-hidden="true">{entry.name.slice(0, 1)}</span>
        <div>
          <h2 id={`connector-${entry.id}`}>{entry.name}</h2>
          <span className="muted small">{categoryLabel(entry.category)} · v{entry.version}</span>
        </div>
      </div>
      <p className="connector-desc">{entry.description || 'No description.'}</p>
      <ul className="tags" aria-label="Capabilities">
        {reads ? <li className="tag">reads {reads} object{reads === 1 ? '' : 's'}</li> : null}
        {writes ? <li className="tag">writes {writes}</li> : null}
        {entry.messaging ? <li className="tag">messaging</li> : null}
        {entry.authMethods.map((m) => <li className="tag tag-muted" key={m.id}>{m.label}</li>)}
        {entry.hasSandbox ? <li className="tag tag-sandbox">sandbox</li> : null}
      </ul>
      <Link to={`/connectors/${encodeURIComponent(entry.id)}/connect`} className="btn btn-primary" aria-label={`Connect ${entry.name}`}>Connect</Link>
    </article>
  );
}
