import type { EditorConfig, ElementNode } from 'lexical';

// The DOM side of the story's one-line blocks (kicker, headline, deck, pull quote, section
// heading): a themed tag in the editor, a classed tag in exports. Their behaviour on Enter
// and Backspace is in the shared data part (shared/story/nodes/block-behaviour.ts).

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
