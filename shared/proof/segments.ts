import { nodeText, type SerializedEditorState, type SerializedNode } from '../document/lexical-nodes';
import { formatCreditLine } from '../story/credit-lines';
import type { SerializedCredits, SerializedFigure } from '../story/node-types';
import { isMostlyLatin } from '../story/source-blocks';
import type { ProofLang, Segment, SegmentKind } from './types';

// Text to proofread: a story version's top-level blocks (list items one by one, a figure's
// caption, a credits block's lines), or a Markdown/text file's lines with a map back to
// columns for the CLI's file:line:col.

const HEADING_TYPES = new Set(['kicker', 'headline', 'deck', 'section-heading', 'heading']);

function kindOf(node: SerializedNode): SegmentKind {
  if (HEADING_TYPES.has(node.type)) return 'heading';
  if (node.type === 'credits') return 'credit';
  if (node.type === 'figure') return 'caption';
  return 'body';
}

/** Text of one top-level block as the editor shows it. */
export function blockText(node: SerializedNode, lang: ProofLang): string {
  if (node.type === 'figure') return (node as SerializedFigure).caption?.[lang] ?? '';
  if (node.type === 'credits') return ((node as SerializedCredits).credits ?? []).map((c) => formatCreditLine(c, lang)).join('\n');
  return nodeText(node);
}

/** A zh version's all-Latin block (a masthead's pinyin) is read as English, and back. */
const langOf = (text: string, lang: ProofLang): ProofLang => (lang === 'zh' && isMostlyLatin(text) ? 'en' : lang);

/** One segment per top-level block (per list item); ids are block indexes, "3" or "3.1". */
export function stateSegments(state: SerializedEditorState | null | undefined, lang: ProofLang): Segment[] {
  if (!state) return [];
  const out: Segment[] = [];
  state.root.children.forEach((node, i) => {
    if (node.type === 'list') {
      (node.children ?? []).forEach((item, j) => out.push({ id: `${i}.${j}`, text: nodeText(item), lang: langOf(nodeText(item), lang), kind: 'body' }));
      return;
    }
    const text = blockText(node, lang);
    out.push({ id: String(i), text, lang: langOf(text, lang), kind: kindOf(node) });
  });
  return out.filter((s) => s.text.trim() !== '');
}

export interface SourceLine extends Segment {
  line: number;
  /**
   * Where the pieces of `text` stand in the file line: pairs (offset in text, 1-based column),
   * one per stretch between inline markup (columnOf reads it). Not a column per character:
   * a push per character of every line was ~1 ms of the CLI's page (issue 15).
   */
  pieces: number[];
}

/** Column (1-based) in the file line of offset `at` of a source line's text. */
export function columnOf(line: SourceLine, at: number): number {
  const p = line.pieces;
  let k = 0;
  while (k + 2 < p.length && p[k + 2]! <= at) k += 2;
  return p[k + 1]! + (at - p[k]!);
}

const INLINE_MARKUP = /<\/?(?:sub|sup|u|i|b|em|strong)>|\*\*|__/g;
/** Whether a line may hold inline markup (most lines have none: no expression run over them). */
const mayHaveMarkup = (s: string) => s.includes('*') || s.includes('<') || s.includes('__');

/**
 * A Markdown or plain-text file, one segment per non-empty line, its Markdown markers
 * (# heading, > quote, - / 1. list, **bold**, <sub>) taken out. A line's language is its
 * own: the masthead's "CHANGZHI RIBAO" is English in a Chinese page.
 */
export function sourceLines(src: string, markdown: boolean): SourceLine[] {
  const out: SourceLine[] = [];
  src.split(/\r?\n/).forEach((raw, n) => {
    let start = 0;
    let kind: SegmentKind = 'body';
    if (markdown) {
      const lead = /^(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/.exec(raw);
      if (lead) {
        start = lead[0].length;
        if (lead[0].startsWith('#')) kind = 'heading';
      }
    }
    const body = raw.slice(start).replace(/\s+$/, '');
    let text = body;
    const pieces = [0, start + 1];
    if (markdown && mayHaveMarkup(body)) {
      // The text between markup taken a slice at a time, not a character at a time (issue 15).
      text = '';
      pieces.length = 0;
      let i = 0;
      const keep = (from: number, to: number) => {
        if (to > from) pieces.push(text.length, start + from + 1);
        text += body.slice(from, to);
      };
      for (const m of body.matchAll(INLINE_MARKUP)) {
        if (m.index > i) keep(i, m.index);
        i = Math.max(i, m.index + m[0].length);
      }
      keep(i, body.length);
      if (pieces.length === 0) pieces.push(0, start + 1);
    }
    if (text.trim() === '') return;
    if (/^\S{1,6}\s*[/／]\s*\S/.test(text) && !/[，。]/.test(text)) kind = 'credit';
    out.push({ id: String(n + 1), text, lang: isMostlyLatin(text) ? 'en' : 'zh', kind, line: n + 1, pieces });
  });
  return out;
}
