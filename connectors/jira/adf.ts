/**
 * Atlassian Document Format ↔ plain text. REST v3 takes and returns rich text (description,
 * environment, multi-line custom fields) only as ADF; a string there is refused ("Operation value
 * must be an Atlassian Document"). Plain text → ADF: blank-line-separated paragraphs, single
 * newlines as hard breaks. ADF → text keeps the words of every node a person can read (mentions,
 * emoji, links, lists, code, tables) and drops formatting marks.
 */
import { z } from 'zod';

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  [key: string]: unknown;
}

export const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() => z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(adfNodeSchema).optional(),
}));

export interface AdfDoc extends AdfNode {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** Newlines as Jira's editor keeps them: `\r\n` → `\n`, trailing spaces off, no outer blank lines. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function textToAdf(text: string): AdfDoc {
  const paragraphs = normaliseText(text).split(/\n{2,}/).filter((p) => p !== '');
  return {
    type: 'doc', version: 1,
    content: paragraphs.map((paragraph) => {
      const content: AdfNode[] = [];
      paragraph.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
}

const BLOCK_SEPARATOR = '\n\n';

function inline(node: AdfNode): string {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text': return node.text ?? '';
    case 'hardBreak': return '\n';
    case 'mention': return typeof attrs.text === 'string' ? attrs.text : `@${String(attrs.id ?? '')}`;
    case 'emoji': return String(attrs.text ?? attrs.shortName ?? '');
    case 'inlineCard': return String(attrs.url ?? '');
    case 'date': return attrs.timestamp ? new Date(Number(attrs.timestamp)).toISOString().slice(0, 10) : '';
    case 'status': return String(attrs.text ?? '');
    default: return (node.content ?? []).map(inline).join('');
  }
}

function block(node: AdfNode): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return children.map(inline).join('');
    case 'codeBlock':
      return children.map(inline).join('');
    case 'bulletList':
      return children.map((item) => `- ${block(item)}`).join('\n');
    case 'orderedList': {
      const start = Number(node.attrs?.order ?? 1);
      return children.map((item, i) => `${start + i}. ${block(item)}`).join('\n');
    }
    case 'listItem':
      return children.map(block).join('\n');
    case 'blockquote':
      return children.map(block).join(BLOCK_SEPARATOR).split('\n').map((line) => `> ${line}`).join('\n');
    case 'rule':
      return '---';
    case 'table':
      return children.map(block).join('\n');
    case 'tableRow':
      return children.map((cell) => (cell.content ?? []).map(block).join(' ')).join(' | ');
    case 'blockCard':
    case 'embedCard':
      return String(node.attrs?.url ?? '');
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
      return '';
    default:
      // Panels, expands, layouts and nodes added after this was written: their readable children.
      return node.text !== undefined ? node.text : children.map((child) => (child.type === 'text' ? inline(child) : block(child))).filter((s) => s !== '').join(BLOCK_SEPARATOR);
  }
}

/** Plain text of an ADF document (or of a string, for fields that take plain text). */
export function adfToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normaliseText(value);
  const parsed = adfNodeSchema.safeParse(value);
  if (!parsed.success) return '';
  const doc = parsed.data;
  const blocks = doc.type === 'doc' ? doc.content ?? [] : [doc];
  return normaliseText(blocks.map(block).filter((s) => s !== '').join(BLOCK_SEPARATOR));
}

export function isAdfDoc(value: unknown): value is AdfDoc {
  return typeof value === 'object' && value !== null && (value as AdfNode).type === 'doc' && Array.isArray((value as AdfNode).content);
}
