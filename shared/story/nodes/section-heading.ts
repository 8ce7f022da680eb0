import { $getState, $setState, createState, ElementNode, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, paragraphAfter } from './block-behaviour';

// A section head (小标题) of level 1–3; stored flat as "level" (shared/story/node-types.ts).
// The data part; the renderer's SectionHeadingNode adds the DOM view.
export type HeadingLevel = 1 | 2 | 3;
export const levelState = createState('level', {
  parse: (v: unknown): HeadingLevel => (v === 1 || v === 2 || v === 3 ? v : 1),
});

export class SectionHeadingData extends ElementNode {
  override $config() {
    return this.config('section-heading', { extends: ElementNode, stateConfigs: [{ stateConfig: levelState, flat: true }] });
  }
  getLevel(): HeadingLevel { return $getState(this, levelState); }
  setLevel(level: HeadingLevel): this { return $setState(this, levelState, level); }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $isSectionHeadingData(node: LexicalNode | null | undefined): node is SectionHeadingData {
  return node instanceof SectionHeadingData;
}
