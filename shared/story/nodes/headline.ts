import { ElementNode, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, paragraphAfter } from './block-behaviour';

// 'headline' (shared/story/node-types.ts): the data part of the node, shared by the renderer's
// editor (which adds the DOM view, renderer/src/editor/nodes) and main's headless editor.
export class HeadlineData extends ElementNode {
  override $config() {
    return this.config('headline', { extends: ElementNode });
  }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $isHeadlineData(node: LexicalNode | null | undefined): node is HeadlineData {
  return node instanceof HeadlineData;
}
