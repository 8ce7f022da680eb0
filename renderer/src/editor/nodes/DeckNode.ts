import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, blockDOM, exportBlock, paragraphAfter } from './SimpleBlockNode';

// 'deck' (shared/story/node-types.ts): a block of inline text, <p class="deck"> in exports.
export class DeckNode extends ElementNode {
  override $config() {
    return this.config('deck', {
      extends: ElementNode,
      importDOM: {
        p: (el: HTMLElement) => (el.classList.contains('deck') ? { conversion: () => ({ node: $createDeckNode() }), priority: 2 as const } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'p', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('p', 'deck'); }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $createDeckNode(): DeckNode {
  return $applyNodeReplacement(new DeckNode());
}

export function $isDeckNode(node: LexicalNode | null | undefined): node is DeckNode {
  return node instanceof DeckNode;
}
