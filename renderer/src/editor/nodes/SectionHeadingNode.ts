import { $applyNodeReplacement, $getState, $setState, createState, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, blockDOM, exportBlock, paragraphAfter } from './SimpleBlockNode';

// A section head (小标题) of level 1–3; stored flat as "level" (shared/story/node-types.ts).
export type HeadingLevel = 1 | 2 | 3;
const levelState = createState('level', {
  parse: (v: unknown): HeadingLevel => (v === 1 || v === 2 || v === 3 ? v : 1),
});

const fromTag = (level: HeadingLevel) => () => ({ conversion: () => ({ node: $createSectionHeadingNode(level) }), priority: 1 as const });

export class SectionHeadingNode extends ElementNode {
  override $config() {
    return this.config('section-heading', {
      extends: ElementNode,
      stateConfigs: [{ stateConfig: levelState, flat: true }],
      importDOM: { h2: fromTag(1), h3: fromTag(2), h4: fromTag(3), h5: fromTag(3), h6: fromTag(3) },
    });
  }
  getLevel(): HeadingLevel { return $getState(this, levelState); }
  setLevel(level: HeadingLevel): this { return $setState(this, levelState, level); }
  override createDOM(config: EditorConfig): HTMLElement {
    const el = blockDOM(this, `h${this.getLevel() + 1}`, config);
    el.classList.add(`ed-level-${this.getLevel()}`);
    return el;
  }
  override updateDOM(prev: this): boolean { return prev.getLevel() !== this.getLevel(); }
  override exportDOM() { return exportBlock(`h${this.getLevel() + 1}`, `section-heading level-${this.getLevel()}`); }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $createSectionHeadingNode(level: HeadingLevel = 1): SectionHeadingNode {
  return $applyNodeReplacement(new SectionHeadingNode()).setLevel(level);
}

export function $isSectionHeadingNode(node: LexicalNode | null | undefined): node is SectionHeadingNode {
  return node instanceof SectionHeadingNode;
}
