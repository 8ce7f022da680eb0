import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $getSelection, $isRangeSelection, $createTextNode, type LexicalEditor } from 'lexical';
import { $createKickerNode } from '../nodes/KickerNode';
import { $createHeadlineNode } from '../nodes/HeadlineNode';
import { $createDeckNode } from '../nodes/DeckNode';
import { $createSectionHeadingNode, type HeadingLevel } from '../nodes/SectionHeadingNode';
import { $createPullQuoteNode } from '../nodes/PullQuoteNode';
import { $createLeadInNode, $isLeadInNode } from '../nodes/LeadInNode';

// Block and inline changes the toolbar, the shortcuts and the tests all go through.
export type BlockType = 'paragraph' | 'kicker' | 'headline' | 'deck' | 'h1' | 'h2' | 'h3' | 'pull-quote';

const CREATE: Record<BlockType, () => import('lexical').ElementNode> = {
  paragraph: $createParagraphNode,
  kicker: $createKickerNode,
  headline: $createHeadlineNode,
  deck: $createDeckNode,
  h1: () => $createSectionHeadingNode(1),
  h2: () => $createSectionHeadingNode(2),
  h3: () => $createSectionHeadingNode(3 as HeadingLevel),
  'pull-quote': $createPullQuoteNode,
};

export function setBlockType(editor: LexicalEditor, type: BlockType): void {
  editor.update(() => {
    const sel = $getSelection();
    if ($isRangeSelection(sel)) $setBlocksType(sel, CREATE[type]);
  });
}

/**
 * Toggles the selected text as the paragraph's lead-in: a selection inside a lead-in turns
 * it back to plain text; otherwise the selected text becomes one.
 */
export function toggleLeadIn(editor: LexicalEditor): void {
  editor.update(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return;
    const nodes = sel.getNodes();
    const lead = nodes.find($isLeadInNode);
    if (lead) {
      lead.replace($createTextNode(lead.getTextContent()));
      return;
    }
    const text = sel.getTextContent();
    if (!text) return;
    sel.insertNodes([$createLeadInNode(text)]);
  });
}
