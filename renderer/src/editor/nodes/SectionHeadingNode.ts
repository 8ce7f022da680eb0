import { $applyNodeReplacement, type EditorConfig, type LexicalNode } from 'lexical';
import { SectionHeadingData, type HeadingLevel } from '../../../../shared/story/nodes/section-heading';
import { blockDOM, exportBlock } from './SimpleBlockNode';

// A section head (小标题) of level 1–3: the shared data part (shared/story/nodes/section-heading.ts)
// with its DOM here.
export type { HeadingLevel };

const fromTag = (level: HeadingLevel) => () => ({ conversion: () => ({ node: $createSectionHeadingNode(level) }), priority: 1 as const });

export class SectionHeadingNode extends SectionHeadingData {
  override $config() {
    return this.config('section-heading', {
      extends: SectionHeadingData,
      importDOM: { h2: fromTag(1), h3: fromTag(2), h4: fromTag(3), h5: fromTag(3), h6: fromTag(3) },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement {
    const el = blockDOM(this, `h${this.getLevel() + 1}`, config);
    el.classList.add(`ed-level-${this.getLevel()}`);
    return el;
  }
  override updateDOM(prev: this): boolean { return prev.getLevel() !== this.getLevel(); }
  override exportDOM() { return exportBlock(`h${this.getLevel() + 1}`, `section-heading level-${this.getLevel()}`); }
}

export function $createSectionHeadingNode(level: HeadingLevel = 1): SectionHeadingNode {
  return $applyNodeReplacement(new SectionHeadingNode()).setLevel(level);
}

export function $isSectionHeadingNode(node: LexicalNode | null | undefined): node is SectionHeadingNode {
  return node instanceof SectionHeadingNode;
}
