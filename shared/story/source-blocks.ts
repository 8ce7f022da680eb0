import { textNode, type SerializedNode } from '../document/lexical-nodes';
import type { SerializedFigure } from './node-types';

// What every copy importer (Markdown, docx) produces before the story's structure is
// decided: plain blocks with inline Lexical nodes (text, linebreak, link). The newsroom
// roles (kicker, headline, deck, lead-in, credits) are assigned in one place,
// story-structure.ts, so a .md and a .docx of the same copy become the same story.

export type Inline = SerializedNode;

export type SourceBlock =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'figure'; node: SerializedFigure }
  /** A role the source states outright (docx styles Title, Subtitle, Kicker). */
  | { kind: 'headline' | 'kicker' | 'deck'; children: Inline[] };

// Lexical's LinkNode refuses other schemes too (it sanitizes them to about:blank).
const SAFE_URL = /^(https?:|mailto:)/i;

export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.trim());
}

export function linkNode(url: string, children: Inline[]): SerializedNode {
  return { type: 'link', version: 1, url, rel: 'noreferrer', target: null, title: null, children, direction: 'ltr', format: '', indent: 0 };
}

const formatOf = (n: SerializedNode) => (typeof n.format === 'number' ? n.format : 0);

/** Joins neighbouring text runs of the same format (docx splits runs at every digit). */
export function mergeRuns(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const prev = out.at(-1);
    if (n.type === 'text' && prev?.type === 'text' && formatOf(prev) === formatOf(n)) {
      out[out.length - 1] = textNode(`${prev.text ?? ''}${n.text ?? ''}`, formatOf(n));
    } else if (n.type === 'text' && (n.text ?? '') === '') {
      continue;
    } else if (n.children) {
      out.push({ ...n, children: mergeRuns(n.children) });
    } else {
      out.push(n);
    }
  }
  return out;
}

/** Text of inline nodes: runs as they are, line breaks as "\n", tabs as "\t". */
export function inlineText(nodes: readonly SerializedNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'linebreak') s += '\n';
    else if (n.type === 'tab') s += '\t';
    else if (typeof n.text === 'string') s += n.text;
    else if (n.children) s += inlineText(n.children);
  }
  return s;
}

/** Inline nodes cut at their line breaks. */
export function splitLines(nodes: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const n of nodes) {
    if (n.type === 'linebreak') lines.push([]);
    else lines.at(-1)!.push(n);
  }
  return lines;
}

/** Leading and trailing line breaks and blank runs carry no copy; drop them. */
export function trimInlines(nodes: Inline[]): Inline[] {
  const blank = (n: Inline | undefined) => n !== undefined && (n.type === 'linebreak' || (n.type === 'text' && (n.text ?? '').trim() === ''));
  let a = 0;
  let b = nodes.length;
  while (a < b && blank(nodes[a])) a++;
  while (b > a && blank(nodes[b - 1])) b--;
  return nodes.slice(a, b);
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * True when Latin letters outnumber Han characters: the copy is the English version.
 * Proofreading asks it of every line, so the two kinds a page is mostly made of are told by
 * their code (ASCII: only A–Z and a–z are Latin; U+4E00–U+9FFF, CJK Unified Ideographs, all
 * Han), and the scripts' regular expressions decide the rest, one code point at a time as
 * before: a string and two regular expression calls per character were ~3 ms of
 * `edition-desk proof` on a page (issue 15).
 */
export function isMostlyLatin(text: string): boolean {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const ch = String.fromCodePoint(cp);
      if (HAN.test(ch)) han++;
      else if (LATIN.test(ch)) latin++;
    }
  }
  return latin > han;
}
