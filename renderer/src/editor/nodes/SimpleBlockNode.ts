import { $applyNodeReplacement, $createParagraphNode, type EditorConfig, type ElementNode, type ParagraphNode } from 'lexical';

// What the story's one-line blocks (kicker, headline, deck, pull quote, section heading)
// share: rendering as a themed tag, and turning into a body paragraph on Enter at the end
// and on Backspace at the start, as a newsroom editor expects of a head. Each node class
// extends ElementNode itself (Lexical's $config wants the exact superclass) and calls these.

export function blockDOM(node: ElementNode, tag: string, config: EditorConfig): HTMLElement {
  const el = document.createElement(tag);
  const themed = (config.theme as Record<string, unknown>)[node.getType()];
  el.className = typeof themed === 'string' ? themed : `ed-${node.getType()}`;
  return el;
}

export function exportBlock(tag: string, className: string): { element: HTMLElement } {
  const el = document.createElement(tag);
  el.className = className;
  return { element: el };
}

export function paragraphAfter(node: ElementNode, restoreSelection = true): ParagraphNode {
  const p = $applyNodeReplacement($createParagraphNode());
  node.insertAfter(p, restoreSelection);
  return p;
}

export function becomeParagraph(node: ElementNode): true {
  const p = $createParagraphNode();
  node.getChildren().forEach((c) => p.append(c));
  node.replace(p);
  return true;
}
