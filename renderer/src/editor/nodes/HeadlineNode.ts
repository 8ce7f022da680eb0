import { $applyNodeReplacement, type EditorConfig, type LexicalNode } from 'lexical';
import { HeadlineData } from '../../../../shared/story/nodes/headline';
import { blockDOM, exportBlock } from './SimpleBlockNode';

// 'headline' (shared/story/node-types.ts): the shared data part (shared/story/nodes/headline.ts)
// with its DOM here, <h1 class="headline"> in exports.
export class HeadlineNode extends HeadlineData {
  override $config() {
    return this.config('headline', {
      extends: HeadlineData,
      importDOM: {
        // Any h1 (Word's Title or Heading 1 pasted as HTML) is the story's headline.
        h1: () => ({ conversion: () => ({ node: $createHeadlineNode() }), priority: 1 as const }),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement { return blockDOM(this, 'h1', config); }
  override updateDOM(): boolean { return false; }
  override exportDOM() { return exportBlock('h1', 'headline'); }
}

export function $createHeadlineNode(): HeadlineNode {
  return $applyNodeReplacement(new HeadlineNode());
}

export function $isHeadlineNode(node: LexicalNode | null | undefined): node is HeadlineNode {
  return node instanceof HeadlineNode;
}
