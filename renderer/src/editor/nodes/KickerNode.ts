import { $applyNodeReplacement, type EditorConfig, type LexicalNode } from 'lexical';
import { KickerData } from '../../../../shared/story/nodes/kicker';
import { blockDOM, exportBlock } from './SimpleBlockNode';

// 'kicker' (shared/story/node-types.ts): the shared data part (shared/story/nodes/kicker.ts)
// with its DOM here, <p class="kicker"> in exports.
export class KickerNode extends KickerData {
  override $config() {
    return this.config('kicker', {
      extends: KickerData,
      importDOM: {
        p: (el: HTMLElement) => (el.classList.contains('kicker') ? { conversion: () => ({ node: $createKickerNode() }), priority: 2 as const } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'p', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('p', 'kicker'); }
}

export function $createKickerNode(): KickerNode {
  return $applyNodeReplacement(new KickerNode());
}

export function $isKickerNode(node: LexicalNode | null | undefined): node is KickerNode {
  return node instanceof KickerNode;
}
