import { $getRoot, $isElementNode, type LexicalEditor } from 'lexical';
import type { SerializedNode } from '../../../../shared/document/lexical-state';
import { blockText } from '../../../../shared/proof/segments';
import { scrollIntoViewSettled } from '../scroll-settled';
import type { ProofLang, Segment, SegmentKind } from '../../../../shared/proof/types';

// The editor's text as the proofreader reads it, taken from the rendered DOM: one segment
// per top-level block, with the text nodes behind it so a finding's offsets become a DOM
// Range for CSS highlights (the Lexical document itself is never touched to show them).
// Figure captions and credits are proofread too, from the node's data; a finding there is
// shown by selecting it in the caption's field (fieldSelect) rather than underlined.

export interface DomSegment extends Segment {
  /** Text nodes of the block in order, with the offset each starts at. */
  nodes: { node: Text; start: number }[];
}

const HEADINGS = new Set(['kicker', 'headline', 'deck', 'section-heading', 'heading']);

function kindOf(type: string): SegmentKind {
  if (HEADINGS.has(type)) return 'heading';
  if (type === 'credits') return 'credit';
  if (type === 'figure') return 'caption';
  return 'body';
}

const FIELD_BLOCKS = new Set(['figure', 'credits']);

export function domSegments(editor: LexicalEditor, lang: ProofLang): DomSegment[] {
  const blocks = editor.getEditorState().read(() => $getRoot().getChildren().map((n) => ({
    key: n.getKey(),
    type: n.getType(),
    // A figure's caption and a credits block's lines live in the node's data, edited in
    // form fields: read them as the edition run does (no text nodes, so no underline).
    fieldText: FIELD_BLOCKS.has(n.getType()) ? blockText(n.exportJSON() as unknown as SerializedNode, lang) : null,
  })));
  const out: DomSegment[] = [];
  for (const b of blocks) {
    if (b.fieldText !== null) {
      if (b.fieldText.trim()) out.push({ id: b.key, text: b.fieldText, lang, kind: kindOf(b.type), nodes: [] });
      continue;
    }
    const el = editor.getElementByKey(b.key);
    if (!el) continue;
    const { text, nodes } = textNodes(el);
    if (text.trim()) out.push({ id: b.key, text, lang, kind: kindOf(b.type), nodes });
  }
  return out;
}

function textNodes(el: HTMLElement): { text: string; nodes: DomSegment['nodes'] } {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes: DomSegment['nodes'] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  return { text, nodes };
}

/**
 * The element and range of a finding from a saved-state run (proof:edition), whose segment
 * ids are block paths ("3", or "3.1" for a list's second item) rather than Lexical keys.
 * The range is null when the block's text no longer reaches the offsets.
 */
export function blockPathRange(editor: LexicalEditor, path: string, start: number, end: number): { el: HTMLElement; range: Range | null } | null {
  const [i, j] = path.split('.').map(Number) as [number, number | undefined];
  const key = editor.getEditorState().read(() => {
    const top = $getRoot().getChildAtIndex(i);
    if (!top || j === undefined) return top?.getKey() ?? null;
    return $isElementNode(top) ? (top.getChildAtIndex(j)?.getKey() ?? null) : null;
  });
  const el = key === null ? null : editor.getElementByKey(key);
  if (!el) return null;
  const { text, nodes } = textNodes(el);
  return { el, range: segmentRange({ id: path, text, lang: 'zh', kind: 'body', nodes }, start, end) };
}

function point(seg: DomSegment, offset: number, isEnd: boolean): [Text, number] | null {
  for (const { node, start } of seg.nodes) {
    const len = node.data.length;
    if (isEnd ? offset > start && offset <= start + len : offset >= start && offset < start + len) return [node, offset - start];
  }
  const last = seg.nodes[seg.nodes.length - 1];
  if (last && offset === last.start + last.node.data.length) return [last.node, last.node.data.length];
  return null;
}

/** The DOM range of [start, end) in a segment, or null when the text changed under it. */
export function segmentRange(seg: DomSegment, start: number, end: number): Range | null {
  const a = point(seg, start, false);
  const b = point(seg, end, true);
  if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
  const r = new Range();
  r.setStart(a[0], a[1]);
  r.setEnd(b[0], b[1]);
  return r;
}

/**
 * Shows a finding of a caption or credits segment (no text nodes): scrolls to the block and,
 * for a caption, selects the flagged text in the caption field of the editor's language.
 */
export function fieldSelect(editor: LexicalEditor, seg: DomSegment, start: number, end: number): boolean {
  const el = editor.getElementByKey(seg.id);
  if (!el) return false;
  scrollIntoViewSettled(el);
  const field = seg.kind === 'caption' ? el.querySelector<HTMLInputElement>(`input[name="figure-caption-${seg.lang}"]`) : null;
  if (field) {
    field.focus();
    field.setSelectionRange(start, end);
  }
  return true;
}
