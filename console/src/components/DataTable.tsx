import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  render: (row: T) => ReactNode;
  /** Right-align numbers. */
  numeric?: boolean;
  className?: string;
}

/** The one table of the console: a caption for screen readers, headers, and an empty state. */
export function DataTable<T>({ columns, rows, rowKey, caption, empty }: {
  columns: Array<Column<T>>;
  rows: T[];
  rowKey: (row: T) => string | number;
  caption: string;
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => <td key={c.header} className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined}>{c.render(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
