import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode, type ParagraphNode, type RangeSelection } from 'lexical';
import { becomeParagraph, blockDOM, exportBlock, paragraphAfter } from './SimpleBlockNode';

// 'headline' (shared/story/node-types.ts): a block of inline text, <h1 class="headline"> in exports.
export class HeadlineNode extends ElementNode {
  override $config() {
    return this.config('headline', {
      extends: ElementNode,
      importDOM: {
        // Any h1 (Word's Title or Heading 1 pasted as HTML) is the story's headline.
        h1: () => ({ conversion: () => ({ node: $createHeadlineNode() }), priority: 1 as const }),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'h1', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('h1', 'headline'); }
  override insertNewAfter(_s: RangeSelection, restore?: boolean): ParagraphNode { return paragraphAfter(this, restore); }
  override collapseAtStart(): true { return becomeParagraph(this); }
}

export function $createHeadlineNode(): HeadlineNode {
  return $applyNodeReplacement(new HeadlineNode());
}

export function $isHeadlineNode(node: LexicalNode | null | undefined): node is HeadlineNode {
  return node instanceof HeadlineNode;
}
