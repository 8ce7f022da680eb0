import { FORMAT, paragraph, rootState, textNode, type SerializedEditorState, type SerializedNode } from '../document/lexical-nodes';
import { creditsFromLines } from './credit-lines';
import { credits, element, leadIn, withPairId } from './node-types';
import { inlineText, mergeRuns, splitLines, trimInlines, type Inline, type SourceBlock } from './source-blocks';

// Turns imported copy into the story vocabulary of node-types.ts, by the rules a desk
// editor applies reading a writer's file:
//  - headline: the #/## heading nearest before the first long paragraph (page furniture
//    such as 聚焦 / 2026 / 长治两会 comes before it and stays as it is);
//  - kicker: the one-word heading (聚焦, 关注, or any two-character word) nearest before
//    the headline;
//  - deck: a one-line paragraph of at most DECK_MAX characters right after the headline;
//  - other headings: section heads, level = # count (1–3);
//  - lead-in: a short bold phrase opening a paragraph, or a short opening sentence
//    ending in 。！？ (传统产业守正延伸。), as seed-story.ts's LEAD_IN;
//  - credits: a paragraph of "策划 / 冯波" lines.
// Every top-level block gets a fresh pair id from the caller's generator.

export interface ImportedStory {
  title: string;
  state: SerializedEditorState;
}
export type PairIdGenerator = () => string;

const LONG_PARAGRAPH = 20;
const DECK_MAX = 80;
const LEAD_IN_BOLD_MAX = 40;
// At most 12 characters with the closing mark; the rest of the paragraph must follow.
const LEAD_IN_SENTENCE = /^([^。！？\n]{1,11}[。！？])(?=.)/su;
const KICKER_WORDS = new Set(['聚焦', '关注', '特写', '综述', '观察', '专访', '特稿', '深读', '调查', '评论', '时评', '视点', '解读', '访谈', '现场', '一线', '纵深', '速览', '链接', '新闻眼']);
const TWO_HAN = /^\p{Script=Han}{2}$/u;

let seq = 0;
/** Pair ids for real imports: a time stamp, a per-process counter and a random tail. */
export function newPairId(): string {
  seq = (seq + 1) % 1_679_616;
  return `p${Date.now().toString(36)}${seq.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const blockText = (b: SourceBlock) => (b.kind === 'list' ? b.items.map(inlineText).join('\n') : b.kind === 'figure' ? b.node.caption.zh : inlineText(b.children));
const squashedLength = (s: string) => s.replace(/\s/g, '').length;

function findHeadline(blocks: SourceBlock[]): number {
  const explicit = blocks.findIndex((b) => b.kind === 'headline');
  if (explicit >= 0) return explicit;
  let end = blocks.findIndex((b) => b.kind === 'paragraph' && squashedLength(blockText(b)) >= LONG_PARAGRAPH);
  if (end < 0) end = blocks.findIndex((b) => b.kind !== 'heading');
  if (end < 0) end = blocks.length;
  for (let i = end - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'heading' && b.level <= 2) return i;
  }
  return -1;
}

function isKickerText(text: string): boolean {
  const t = text.trim();
  return KICKER_WORDS.has(t) || TWO_HAN.test(t);
}

function findKicker(blocks: SourceBlock[], headline: number): number {
  if (blocks.some((b) => b.kind === 'kicker') || headline < 0) return -1;
  for (let i = headline - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'heading' && isKickerText(blockText(b))) return i;
  }
  return -1;
}

function isDeckLike(b: SourceBlock | undefined): boolean {
  if (b?.kind !== 'paragraph') return false;
  const t = blockText(b).trim();
  return t !== '' && !t.includes('\n') && squashedLength(t) <= DECK_MAX && creditsFromLines([t]) === null;
}

/** The paragraph's opening as a lead-in node, when it has one. */
export function withLeadIn(children: Inline[]): Inline[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return children;
  const text = first.text ?? '';
  const hasMore = rest.some((n) => inlineText([n]).trim() !== '');
  if (first.format === FORMAT.bold && hasMore && squashedLength(text) <= LEAD_IN_BOLD_MAX && text.trim() !== '') {
    return [leadIn(text), ...rest];
  }
  if (first.format === 0) {
    const m = LEAD_IN_SENTENCE.exec(text);
    if (m && balancedQuotes(m[1]!) && (text.length > m[1]!.length ? text.slice(m[1]!.length).trim() !== '' : hasMore)) {
      const after = text.slice(m[1]!.length);
      return [leadIn(m[1]!), ...(after ? [textNode(after)] : []), ...rest];
    }
  }
  return children;
}

// A sentence cut inside a quotation (他说：“好。”) is not a lead-in.
function balancedQuotes(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/「/g) === count(/」/g) && count(/（/g) === count(/）/g);
}

function listNode(ordered: boolean, items: Inline[][]): SerializedNode {
  return {
    type: 'list', version: 1, listType: ordered ? 'number' : 'bullet', start: 1, tag: ordered ? 'ol' : 'ul',
    children: items.map((children, i) => ({ type: 'listitem', version: 1, value: i + 1, children, direction: 'ltr', format: '', indent: 0 })),
    direction: 'ltr', format: '', indent: 0,
  };
}

function toNode(b: SourceBlock, role: 'kicker' | 'headline' | 'deck' | null): SerializedNode | null {
  if (b.kind === 'figure') return b.node;
  if (b.kind === 'list') {
    const items = b.items.map((it) => trimInlines(mergeRuns(it))).filter((it) => it.length > 0);
    return items.length > 0 ? listNode(b.ordered, items) : null;
  }
  const children = trimInlines(mergeRuns(b.children));
  if (children.length === 0) return null;
  if (role) return element(role, children);
  switch (b.kind) {
    // A second Title paragraph is not a second headline: a top-level section head.
    case 'headline': return element('section-heading', children, { level: 1 });
    case 'kicker': case 'deck':
      return element(b.kind, children);
    case 'heading':
      return element('section-heading', children, { level: Math.min(3, Math.max(1, b.level)) });
    case 'quote':
      return element('pull-quote', children);
    case 'paragraph': {
      const list = creditsFromLines(splitLines(children).map(inlineText));
      return list ? credits(list) : paragraph(withLeadIn(children));
    }
  }
}

/** The story, ready for a Story's zh or en field, and its title (the headline, else ''). */
export function structureStory(blocks: SourceBlock[], newId: PairIdGenerator = newPairId): ImportedStory {
  const headline = findHeadline(blocks);
  const kicker = findKicker(blocks, headline);
  const deck = headline >= 0 && !blocks.some((b) => b.kind === 'deck') && isDeckLike(blocks[headline + 1]) ? headline + 1 : -1;
  const nodes: SerializedNode[] = [];
  blocks.forEach((b, i) => {
    const role = i === headline ? 'headline' : i === kicker ? 'kicker' : i === deck ? 'deck' : null;
    const node = toNode(b, role);
    if (node) nodes.push(withPairId(node, newId()));
  });
  // No headline and no heading: the caller names the story (importers use the file name).
  const titleBlock = headline >= 0 ? blocks[headline] : blocks.find((b) => b.kind === 'heading');
  const title = titleBlock ? blockText(titleBlock).split('\n')[0]!.trim().slice(0, 200) : '';
  return { title, state: rootState(nodes) };
}
