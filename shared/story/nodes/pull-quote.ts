import { ElementNode, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, paragraphAfter } from './block-behaviour';

// 'pull-quote' (shared/story/node-types.ts): the data part of the node, shared by the renderer's
// editor (which adds the DOM view, renderer/src/editor/nodes) and main's headless editor.
export class PullQuoteData extends ElementNode {
  override $config() {
    return this.config('pull-quote', { extends: ElementNode });
  }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $isPullQuoteData(node: LexicalNode | null | undefined): node is PullQuoteData {
  return node instanceof PullQuoteData;
}
