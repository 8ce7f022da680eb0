import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
// @lexical/clipboard 0.52.0 comes with @lexical/rich-text 0.52.0 (its exact dependency).
import { $insertGeneratedNodes } from '@lexical/clipboard';
import {
  $createParagraphNode, $createTextNode, $getSelection, $isElementNode, $isRangeSelection, COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND, PASTE_TAG, type BaseSelection, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { $isLeadInNode } from '../nodes/LeadInNode';
import { plainTextParagraphs, sanitizeClipboardHtml } from '../paste/sanitize-html';

// Copy from Word, WPS and web pages arrives as HTML full of fonts, colours, Office markup
// and, from a hostile page, script. It is cleaned down to the story's vocabulary
// (paste/sanitize-html.ts) before Lexical sees it. A copy from one of our own editors
// carries Lexical's JSON and keeps Lexical's own handling, which loses nothing.
const LEXICAL_MIME = 'application/x-lexical-editor';

export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerCommand(PASTE_COMMAND, (event) => {
    const data = 'clipboardData' in event ? event.clipboardData : null;
    if (!data || data.types.includes(LEXICAL_MIME)) return false;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (!html && !text) return false; // files only: leave them to DRAG_DROP_PASTE
    event.preventDefault();
    // PASTE_TAG: the paste is an undo step of its own (@lexical/history).
    editor.update(() => $paste(editor, html, text), { tag: PASTE_TAG });
    return true;
  }, COMMAND_PRIORITY_HIGH), [editor]);
  return null;
}

function $paste(editor: LexicalEditor, html: string, text: string): void {
  const selection = $getSelection();
  if (!selection) return;
  let nodes: LexicalNode[] = [];
  if (html) {
    const doc = sanitizeClipboardHtml(html);
    if (/\S/.test(doc.body.textContent ?? '')) nodes = $generateNodesFromDOM(editor, doc);
  }
  // HTML with no copy left (a lone image) falls back to the text the source also offered.
  if (nodes.length === 0) nodes = plainTextParagraphs(text).map((p) => $createParagraphNode().append($createTextNode(p)));
  if (nodes.length === 0) return;
  // Lexical merges the first pasted paragraph into the one at the caret; a lead-in only
  // belongs at the start of a paragraph, so mid-paragraph it stays plain bold.
  if (!$atBlockStart(selection)) $demoteLeadIn(nodes[0]!);
  $insertGeneratedNodes(editor, nodes, selection);
}

function $atBlockStart(selection: BaseSelection): boolean {
  if (!$isRangeSelection(selection)) return true;
  const point = selection.isBackward() ? selection.focus : selection.anchor;
  if (point.offset !== 0) return false;
  for (let node: LexicalNode | null = point.getNode(); node; node = node.getParent()) {
    if ($isElementNode(node) && !node.isInline()) return true;
    if (node.getPreviousSibling()) return false;
  }
  return true;
}

function $demoteLeadIn(first: LexicalNode): void {
  if (!$isElementNode(first)) return;
  const lead = first.getFirstChild();
  if ($isLeadInNode(lead)) lead.replace($createTextNode(lead.getTextContent()).setFormat('bold'));
}
