import { $applyNodeReplacement, $createParagraphNode, type ElementNode, type ParagraphNode } from 'lexical';

// What the story's one-line blocks (kicker, headline, deck, pull quote, section heading)
// do on Enter at the end and Backspace at the start: turn into a body paragraph, as a
// newsroom editor expects of a head. Plain Lexical, no DOM: the headless editor in main
// (shared documents, issue 12) runs the same node classes as the renderer.

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
