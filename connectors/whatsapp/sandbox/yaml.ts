/**
 * A reader for the YAML subset Meta's published OpenAPI file is written in (block style as
 * PyYAML dumps it): block mappings and sequences, compact `- key:` and `- - item` entries, plain,
 * single- and double-quoted scalars folded over several lines, `[]` and `{}`. No YAML library is
 * installed and the sandbox needs one file read once, so this is deliberately small; anything
 * outside the subset (anchors, tags, block scalars, flow collections with content) throws rather
 * than being misread.
 */

interface Line {
  indent: number;
  text: string;
}

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

const KEY = /^('(?:[^']|'')*'|[^'"\s#-][^:]*?|-[^\s:][^:]*?):(?: +|$)/;

export function parseYaml(source: string): Value {
  const lines: Line[] = source.split(/\r?\n/).map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim() }));
  const reader = new Reader(lines);
  const value = reader.node(-1);
  if (reader.peek() !== undefined) throw new Error(`yaml: unexpected content at line ${reader.at + 1}`);
  return value;
}

class Reader {
  at = 0;

  constructor(private readonly lines: Line[]) {}

  /** The next structural line (blank lines and comments skipped). */
  peek(): Line | undefined {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.text !== '' && !line.text.startsWith('#')) return line;
      this.at++;
    }
    return undefined;
  }

  /** A node more indented than its parent (or a sequence at the parent key's own indent). */
  node(parentIndent: number, sequenceAtParent = false): Value {
    const line = this.peek();
    if (!line) return null;
    const isItem = line.text === '-' || line.text.startsWith('- ');
    if (line.indent > parentIndent || (sequenceAtParent && isItem && line.indent === parentIndent)) {
      if (isItem) return this.sequence(line.indent);
      if (KEY.test(line.text)) return this.mapping(line.indent);
      this.at++;
      return this.scalar(line.text, parentIndent);
    }
    return null;
  }

  private sequence(indent: number): Value[] {
    const items: Value[] = [];
    for (let line = this.peek(); line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.peek()) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.at++;
        items.push(this.node(indent));
        continue;
      }
      // `- key: v` and `- - x`: the entry's content continues as if it started two columns in.
      this.lines[this.at] = { indent: indent + 2, text: rest };
      items.push(this.node(indent + 1));
    }
    return items;
  }

  private mapping(indent: number): Record<string, Value> {
    const out: Record<string, Value> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const match = KEY.exec(line.text);
      if (!match) throw new Error(`yaml: expected a key at line ${this.at + 1}`);
      const rawKey = match[1]!.trimEnd();
      const key = rawKey.startsWith("'") ? rawKey.slice(1, -1).replace(/''/g, "'") : rawKey;
      const rest = line.text.slice(match[0].length);
      this.at++;
      out[key] = rest === '' ? this.node(indent, true) : this.scalar(rest, indent);
    }
    return out;
  }

  /** A scalar whose first line is `first`; continuation lines are more indented than `parentIndent`. */
  private scalar(first: string, parentIndent: number): Value {
    if (first === '[]') return [];
    if (first === '{}') return {};
    if (/^[[{&*!|>]/.test(first)) throw new Error(`yaml: unsupported construct at line ${this.at}: ${first.slice(0, 20)}`);
    const parts = [first];
    if (first.startsWith("'") || first.startsWith('"')) {
      const quote = first[0]!;
      while (!closes(parts.join('\n'), quote)) {
        if (this.at >= this.lines.length) throw new Error('yaml: unterminated quoted scalar');
        parts.push(this.lines[this.at++]!.text);
      }
      const body = parts.join('\n');
      const inner = body.slice(1, body.lastIndexOf(quote));
      return quote === "'" ? fold(inner).replace(/''/g, "'") : unescapeDouble(inner);
    }
    for (let line = this.lines[this.at]; line && (line.text === '' || line.indent > parentIndent); line = this.lines[this.at]) {
      if (line.text === '' && !this.continues(parentIndent)) break;
      parts.push(line.text);
      this.at++;
    }
    return plain(fold(parts.join('\n')));
  }

  /** Whether a blank line is inside a plain scalar (more text follows, still indented). */
  private continues(parentIndent: number): boolean {
    for (let i = this.at; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.text !== '') return line.indent > parentIndent;
    }
    return false;
  }
}

function closes(text: string, quote: string): boolean {
  if (quote === "'") return /^'(?:[^']|'')*'$/.test(text.trimEnd());
  return /^"(?:[^"\\]|\\.|\\\n)*"$/.test(text.trimEnd());
}

/** YAML line folding: a single line break is a space, each blank line a newline. */
function fold(text: string): string {
  return text.split('\n').map((l) => l.trim()).reduce((acc, line, i) => {
    if (i === 0) return line;
    if (line === '') return `${acc}\n`;
    return acc.endsWith('\n') ? acc + line : `${acc} ${line}`;
  }, '');
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ', e: '\x1b', N: '\u0085', _: '\u00a0' };

function unescapeDouble(inner: string): string {
  // An escaped line break joins the lines with nothing between them.
  const joined = inner.replace(/\\\n\s*/g, '');
  return fold(joined).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, code: string) => {
    if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
    const known = ESCAPES[code];
    if (known === undefined) throw new Error(`yaml: unknown escape \\${code}`);
    return known;
  });
}

function plain(text: string): Value {
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}
