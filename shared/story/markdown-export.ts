import { FORMAT, type SerializedEditorState, type SerializedNode } from '../document/lexical-nodes';
import type { Credit } from '../document/schema';
import { formatCreditLine } from './credit-lines';
import type { SerializedCredits, SerializedFigure } from './node-types';
import { isSafeUrl } from './source-blocks';

// A story state → Markdown that markdown-import.ts reads back to the same text and node
// types: headline "#", section heads by level, lead-ins as a bold opening, credits as
// "策划 / 冯波" lines, figures as `![说明](photo:ID "caption — credit")`. Characters the
// importer would take for markup are backslash-escaped.

export type CopyLang = 'zh' | 'en';

const escapeText = (s: string) => s.replace(/[\\*[\]<`]/g, (c) => `\\${c}`);

// What would turn a line of copy into a heading, quote, list item or rule.
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#>+])/, '$1\\$2')
    .replace(/^(\s*)(-)(?=[ \t]|-|$)/, '$1\\$2')
    .replace(/^(\s*)(_)(?=[ \t]*_)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=[ \t])/, '$1\\$2');
}

function wrap(text: string, format: number): string {
  // Markers go inside the spaces: "** x**" would not parse as bold elsewhere.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  let core = escapeText(m[2]!);
  if (core === '') return text;
  if (format & FORMAT.subscript) core = `<sub>${core}</sub>`;
  if (format & FORMAT.superscript) core = `<sup>${core}</sup>`;
  if (format & FORMAT.italic) core = `*${core}*`;
  if (format & FORMAT.bold) core = `**${core}**`;
  return `${m[1]}${core}${m[3]}`;
}

const encodeUrl = (url: string) => url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Inline nodes as Markdown; a line break becomes two spaces and a newline. */
export function inlineMarkdown(nodes: readonly SerializedNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'linebreak') s += '  \n';
    else if (n.type === 'tab') s += '\t';
    else if (n.type === 'text' || n.type === 'lead-in') {
      const format = typeof n.format === 'number' ? n.format : 0;
      s += (n.text ?? '').split('\n').map((part) => wrap(part, n.type === 'lead-in' ? format | FORMAT.bold : format)).join('  \n');
    } else if (n.type === 'link' && typeof n['url'] === 'string' && isSafeUrl(n['url'])) {
      s += `[${inlineMarkdown(n.children ?? [])}](${encodeUrl(n['url'])})`;
    } else if (n.children) s += inlineMarkdown(n.children);
    else if (typeof n.text === 'string') s += escapeText(n.text);
  }
  return s;
}

const lines = (md: string) => md.split('\n').map(escapeLineStart);
const inlineBlock = (n: SerializedNode) => lines(inlineMarkdown(n.children ?? [])).join('\n');

function headingLevel(n: SerializedNode): number {
  if (n.type === 'section-heading') return Math.min(3, Math.max(1, Number(n['level']) || 1));
  const tag = /^h([1-6])$/.exec(String(n.tag ?? ''));
  return tag ? Math.min(3, Math.max(1, Number(tag[1]) - 1)) : 1;
}

function figureMarkdown(f: SerializedFigure): string {
  const alt = (f.caption?.zh ?? '').replace(/[\\\]]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
  const title = `${f.caption?.en ?? ''} — ${f.credit ?? ''}`.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
  return `![${alt}](photo:${f.photoId} "${title}")`;
}

function listMarkdown(n: SerializedNode): string {
  const ordered = n['listType'] === 'number';
  const start = typeof n['start'] === 'number' ? n['start'] : 1;
  return (n.children ?? []).map((item, i) => {
    const marker = ordered ? `${start + i}.` : '-';
    const body = lines(inlineMarkdown(item.children ?? []));
    return `${marker} ${body.join(`\n${' '.repeat(marker.length + 1)}`)}`;
  }).join('\n');
}

// A heading is one line; a closing run of "#" would be read as the ATX closing sequence.
const headingText = (n: SerializedNode) => inlineMarkdown(n.children ?? []).replace(/ {2}\n/g, ' ').replace(/#+\s*$/, (m) => `\\${m}`);

function blockMarkdown(n: SerializedNode, lang: CopyLang): string {
  switch (n.type) {
    case 'headline': return `# ${headingText(n)}`;
    // The importer finds a kicker by its text (a one-word head before the headline), not its level.
    case 'kicker': return `### ${headingText(n)}`;
    case 'section-heading':
    case 'heading': return `${'#'.repeat(headingLevel(n))} ${headingText(n)}`;
    case 'pull-quote': return inlineBlock(n).split('\n').map((l) => `> ${l}`).join('\n');
    case 'quote': return inlineBlock(n).split('\n').map((l) => `> ${l}`).join('\n');
    case 'list': return listMarkdown(n);
    case 'figure': return figureMarkdown(n as SerializedFigure);
    case 'credits': return ((n as SerializedCredits).credits ?? []).map((c: Credit) => escapeLineStart(escapeText(formatCreditLine(c, lang)))).join('  \n');
    default: return n.children ? inlineBlock(n) : '';
  }
}

/** The whole story as Markdown, blocks separated by a blank line. */
export function exportMarkdown(state: SerializedEditorState, lang: CopyLang = 'zh'): string {
  const blocks = state.root.children.map((n) => blockMarkdown(n, lang)).filter((b) => b.trim() !== '');
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
