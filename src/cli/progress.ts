/**
 * A one-line progress display: redrawn in place on a terminal, a plain line every few seconds
 * otherwise (CI logs), silent with --json.
 */
export interface Progress {
  update(text: string): void;
  done(text: string): void;
}

export function createProgress(options: { json?: boolean; out?: NodeJS.WriteStream } = {}): Progress {
  const out = options.out ?? process.stderr;
  if (options.json) return { update() {}, done() {} };
  const tty = Boolean(out.isTTY);
  let last = 0;
  return {
    update(text) {
      if (tty) out.write(`\r\x1b[2K${text}`);
      else if (Date.now() - last > 2000) { out.write(`${text}\n`); last = Date.now(); }
    },
    done(text) {
      out.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}

export function bar(done: number, total: number, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(fraction * 100)}%`;
}
