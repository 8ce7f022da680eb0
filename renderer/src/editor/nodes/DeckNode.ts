import { $applyNodeReplacement, type EditorConfig, type LexicalNode } from 'lexical';
import { DeckData } from '../../../../shared/story/nodes/deck';
import { blockDOM, exportBlock } from './SimpleBlockNode';

// 'deck' (shared/story/node-types.ts): the shared data part (shared/story/nodes/deck.ts)
// with its DOM here, <p class="deck"> in exports.
export class DeckNode extends DeckData {
  override $config() {
    return this.config('deck', {
      extends: DeckData,
      importDOM: {
        p: (el: HTMLElement) => (el.classList.contains('deck') ? { conversion: () => ({ node: $createDeckNode() }), priority: 2 as const } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'p', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('p', 'deck'); }
}

export function $createDeckNode(): DeckNode {
  return $applyNodeReplacement(new DeckNode());
}

export function $isDeckNode(node: LexicalNode | null | undefined): node is DeckNode {
  return node instanceof DeckNode;
}
