import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, blockDOM, exportBlock, paragraphAfter } from './SimpleBlockNode';

// 'pull-quote' (shared/story/node-types.ts): a block of inline text, <blockquote class="pull-quote"> in exports.
export class PullQuoteNode extends ElementNode {
  override $config() {
    return this.config('pull-quote', {
      extends: ElementNode,
      importDOM: {
        blockquote: (el: HTMLElement) => (el.classList.contains('pull-quote') ? { conversion: () => ({ node: $createPullQuoteNode() }), priority: 2 as const } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'blockquote', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('blockquote', 'pull-quote'); }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode());
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
