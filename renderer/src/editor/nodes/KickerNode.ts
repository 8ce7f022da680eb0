import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, blockDOM, exportBlock, paragraphAfter } from './SimpleBlockNode';

// 'kicker' (shared/story/node-types.ts): a block of inline text, <p class="kicker"> in exports.
export class KickerNode extends ElementNode {
  override $config() {
    return this.config('kicker', {
      extends: ElementNode,
      importDOM: {
        p: (el: HTMLElement) => (el.classList.contains('kicker') ? { conversion: () => ({ node: $createKickerNode() }), priority: 2 as const } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'p', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('p', 'kicker'); }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $createKickerNode(): KickerNode {
  return $applyNodeReplacement(new KickerNode());
}

export function $isKickerNode(node: LexicalNode | null | undefined): node is KickerNode {
  return node instanceof KickerNode;
}
