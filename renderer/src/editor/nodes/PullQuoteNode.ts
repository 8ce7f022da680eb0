import { $applyNodeReplacement, type EditorConfig, type LexicalNode } from 'lexical';
import { PullQuoteData } from '../../../../shared/story/nodes/pull-quote';
import { blockDOM, exportBlock } from './SimpleBlockNode';

// 'pull-quote' (shared/story/node-types.ts): the shared data part (shared/story/nodes/pull-quote.ts)
// with its DOM here, <blockquote class="pull-quote"> in exports.
export class PullQuoteNode extends PullQuoteData {
  override $config() {
    return this.config('pull-quote', {
      extends: PullQuoteData,
      importDOM: {
        blockquote: (el: HTMLElement) => (el.classList.contains('pull-quote') ? { conversion: () => ({ node: $createPullQuoteNode() }), priority: 2 as const } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'blockquote', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('blockquote', 'pull-quote'); }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode());
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
