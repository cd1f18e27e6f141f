/** Prints rows as an aligned table; columns are the keys of the first row. */
export function printTable(rows: Array<Record<string, string | number>>, out: NodeJS.WritableStream = process.stdout): void {
  if (rows.length === 0) {
    out.write('(none)\n');
    return;
  }
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  out.write(`${line(columns.map((c) => c.toUpperCase()))}\n`);
  for (const row of rows) out.write(`${line(columns.map((c) => String(row[c] ?? '')))}\n`);
}
