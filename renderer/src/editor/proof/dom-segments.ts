import { $getRoot, type LexicalEditor } from 'lexical';
import type { ProofLang, Segment, SegmentKind } from '../../../../shared/proof/types';

// The editor's text as the proofreader reads it, taken from the rendered DOM: one segment
// per top-level block, with the text nodes behind it so a finding's offsets become a DOM
// Range for CSS highlights (the Lexical document itself is never touched to show them).

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

export function domSegments(editor: LexicalEditor, lang: ProofLang): DomSegment[] {
  const blocks = editor.getEditorState().read(() => $getRoot().getChildren().map((n) => ({ key: n.getKey(), type: n.getType() })));
  const out: DomSegment[] = [];
  for (const b of blocks) {
    // Figures and credits are decorators: their text is not editable copy here.
    if (b.type === 'figure' || b.type === 'credits') continue;
    const el = editor.getElementByKey(b.key);
    if (!el) continue;
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data;
    }
    if (text.trim()) out.push({ id: b.key, text, lang, kind: kindOf(b.type), nodes });
  }
  return out;
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
