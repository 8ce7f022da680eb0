import { figure } from './node-types';
import { HARD_BREAK, parseInline } from './markdown-inline';
import { structureStory, type ImportedStory, type PairIdGenerator } from './story-structure';
import type { SourceBlock } from './source-blocks';
import { Id } from '../document/ids';

// Markdown copy (the form of the seed pages) → a story state. Blocks: ATX headings,
// paragraphs separated by blank lines, "> " pull quotes, "- "/"1. " lists and a photo
// line `![中文说明](photo:ID "English caption — credit")` as markdown-export.ts writes it.
// Thematic breaks (---) are dropped; everything else is kept as text, every character.

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const FIGURE = /^ {0,3}!\[((?:\\.|[^\]\\])*)\]\(photo:([^\s)]+)(?:\s+"((?:\\.|[^"\\])*)")?\)[ \t]*$/;
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019]/u;

const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/**
 * Source lines of one paragraph as one inline string: a line ending in two spaces or a
 * backslash is a hard break; a soft break joins without a space when either side is
 * Chinese (the copy has no inter-word spaces), with one space between Latin words.
 */
export function joinLines(lines: string[]): string {
  let s = '';
  lines.forEach((raw, i) => {
    const hard = / {2,}$/.test(raw) || (/\\$/.test(raw) && !/\\\\$/.test(raw));
    let line = raw.trim();
    if (hard && line.endsWith('\\')) line = line.slice(0, -1);
    if (i > 0 && !s.endsWith(HARD_BREAK) && s !== '' && line !== '') {
      s += CJK.test(s.at(-1)!) || CJK.test(line[0]!) ? '' : ' ';
    }
    s += line;
    if (hard && i < lines.length - 1) s += HARD_BREAK;
  });
  return s;
}

function figureBlock(m: RegExpExecArray): SourceBlock | null {
  const photoId = m[2]!;
  if (!Id.safeParse(photoId).success) return null;
  const title = unescape(m[3] ?? '');
  const dash = title.lastIndexOf(' — ');
  const en = dash >= 0 ? title.slice(0, dash) : title;
  const credit = dash >= 0 ? title.slice(dash + 3) : '';
  return { kind: 'figure', node: figure(photoId, { zh: unescape(m[1]!).trim(), en: en.trim() }, credit.trim()) };
}

/** The Markdown's blocks before the story's roles are assigned. */
export function parseMarkdownBlocks(src: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const lines = src.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[][]; blank: boolean } | null = null;

  const flushPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(joinLines(para)) });
    para = [];
  };
  const flushQuote = () => {
    if (quote.some((l) => l.trim() !== '')) blocks.push({ kind: 'quote', children: parseInline(joinLines(quote)) });
    quote = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map((it) => parseInline(joinLines(it))) });
    list = null;
  };
  const flushAll = () => { flushPara(); flushQuote(); flushList(); };

  for (const line of lines) {
    if (line.trim() === '') {
      flushPara();
      flushQuote();
      if (list) list.blank = true;
      continue;
    }
    const h = ATX.exec(line);
    if (h) {
      flushAll();
      const text = h[2] ?? '';
      if (text.trim() !== '') blocks.push({ kind: 'heading', level: Math.min(3, h[1]!.length), children: parseInline(text) });
      continue;
    }
    if (THEMATIC.test(line)) { flushAll(); continue; }
    const f = FIGURE.exec(line);
    const fig = f ? figureBlock(f) : null;
    if (fig) { flushAll(); blocks.push(fig); continue; }
    const q = QUOTE.exec(line);
    if (q) {
      flushPara();
      flushList();
      if (q[1]!.trim() === '') flushQuote();
      else quote.push(q[1]!);
      continue;
    }
    const item = ITEM.exec(line);
    // As in CommonMark, only a list that starts at 1 may interrupt a paragraph ("2024. 年" is copy).
    if (item && (para.length === 0 || !/^\d/.test(item[2]!) || /^1[.)]$/.test(item[2]!))) {
      flushPara();
      flushQuote();
      const ordered = /^\d/.test(item[2]!);
      if (list && list.ordered !== ordered) flushList();
      if (!list) list = { ordered, items: [], blank: false };
      list.items.push([item[3]!]);
      list.blank = false;
      continue;
    }
    if (list && (!list.blank || /^\s{2,}/.test(line))) {
      list.items.at(-1)!.push(line);
      list.blank = false;
      continue;
    }
    flushList();
    if (quote.length) { quote.push(line); continue; } // lazy continuation of a quote
    para.push(line);
  }
  flushAll();
  return blocks;
}

/** Markdown copy → `{ title, state }`; pass `newPairId` for deterministic ids (tests). */
export function importMarkdown(src: string, newPairId?: PairIdGenerator): ImportedStory {
  return structureStory(parseMarkdownBlocks(src), newPairId);
}
