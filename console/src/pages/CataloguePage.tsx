import { api } from '../api.js';
import { categoryLabel } from '../categories.js';
import { Async } from '../components/Async.js';
import { EmptyState } from '../components/EmptyState.js';
import { PageHeader } from '../components/PageHeader.js';
import { ConnectorCard } from '../components/ConnectorCard.js';
import { useResource } from '../hooks.js';
import { navigate, useLocation } from '../router.js';
import type { CatalogueEntry } from '../types.js';

function matches(entry: CatalogueEntry, q: string, category: string): boolean {
  const needle = q.trim().toLowerCase();
  return (!category || entry.category === category)
    && (!needle || [entry.name, entry.id, entry.description, entry.category].some((s) => s.toLowerCase().includes(needle)));
}

/** Every connector the platform offers; search and the category filter live in the URL. */
export function CataloguePage() {
  const catalogue = useResource(() => api.catalogue(), []);
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const category = search.get('category') ?? '';
  const update = (next: { q?: string; category?: string }) => {
    const params = new URLSearchParams({ q, category, ...next });
    for (const [k, v] of [...params]) if (!v) params.delete(k);
    navigate(`/connectors${params.size ? `?${params}` : ''}`, { replace: true });
  };

  return (
    <>
      <PageHeader title="Catalogue" description="Systems Forgeworks can connect. Pick one to see what it needs and how to set it up." />
      <Async resource={catalogue} what="Catalogue">
        {(entries) => {
          const categories = [...new Set(entries.map((e) => e.category))].sort();
          const shown = entries.filter((e) => matches(e, q, category));
          return (
            <>
              <div className="toolbar" role="search">
                <div className="toolbar-field grow">
                  <label htmlFor="catalogue-search">Search</label>
                  <input id="catalogue-search" type="search" value={q} onChange={(e) => update({ q: e.target.value })} placeholder="Search by name or description" />
                </div>
                <div className="toolbar-field">
                  <label htmlFor="catalogue-category">Category</label>
                  <select id="catalogue-category" value={category} onChange={(e) => update({ category: e.target.value })}>
                    <option value="">All categories</option>
                    {categories.map((c) => <option key={c} value={c}>{categoryLabel(c)}</option>)}
                  </select>
                </div>
              </div>
              <p className="result-count" aria-live="polite">{shown.length} of {entries.length} connectors</p>
              {entries.length === 0 ? (
                <EmptyState icon="▦" title="No connectors installed">
                  <p>This platform has no connectors registered yet. Connectors live in <code>connectors/&lt;id&gt;/</code>; a platform admin can also register JSON HTTP connectors.</p>
                </EmptyState>
              ) : shown.length === 0 ? (
                <EmptyState icon="⌕" title="No connector matches" action={<button type="button" className="btn" onClick={() => update({ q: '', category: '' })}>Clear filters</button>}>
                  <p>Nothing matches “{q}”{category ? ` in ${categoryLabel(category)}` : ''}.</p>
                </EmptyState>
              ) : (
                <ul className="card-grid">{shown.map((entry) => <li key={entry.id}><ConnectorCard entry={entry} /></li>)}</ul>
              )}
            </>
          );
        }}
      </Async>
    </>
  );
}
