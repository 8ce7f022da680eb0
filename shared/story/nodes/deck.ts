import { ElementNode, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, paragraphAfter } from './block-behaviour';

// 'deck' (shared/story/node-types.ts): the data part of the node, shared by the renderer's
// editor (which adds the DOM view, renderer/src/editor/nodes) and main's headless editor.
export class DeckData extends ElementNode {
  override $config() {
    return this.config('deck', { extends: ElementNode });
  }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $isDeckData(node: LexicalNode | null | undefined): node is DeckData {
  return node instanceof DeckData;
}
