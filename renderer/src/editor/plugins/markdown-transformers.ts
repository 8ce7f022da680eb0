import { BOLD_STAR, ORDERED_LIST, UNORDERED_LIST, type ElementTransformer, type Transformer } from '@lexical/markdown';
import type { ElementNode } from 'lexical';
import { $createHeadlineNode, HeadlineNode } from '../nodes/HeadlineNode';
import { $createSectionHeadingNode, $isSectionHeadingNode, SectionHeadingNode, type HeadingLevel } from '../nodes/SectionHeadingNode';
import { $createPullQuoteNode, PullQuoteNode } from '../nodes/PullQuoteNode';

// Markdown shortcuts typed at the start of a block: "# " headline, "## " / "### " / "#### "
// section heads of level 1–3, "> " pull quote, "- " and "1. " lists, **bold**.
const replaceWith = (make: () => ElementNode) => (parent: ElementNode, children: import('lexical').LexicalNode[]) => {
  const node = make();
  node.append(...children);
  parent.replace(node);
  node.select(0, 0);
};

const HEADLINE: ElementTransformer = {
  type: 'element', dependencies: [HeadlineNode], regExp: /^#\s/,
  export: (node, traverse) => (node instanceof HeadlineNode ? `# ${traverse(node)}` : null),
  replace: replaceWith($createHeadlineNode),
};

const SECTION: ElementTransformer = {
  type: 'element', dependencies: [SectionHeadingNode], regExp: /^(#{2,4})\s/,
  export: (node, traverse) => ($isSectionHeadingNode(node) ? `${'#'.repeat(node.getLevel() + 1)} ${traverse(node)}` : null),
  replace: (parent, children, match) => replaceWith(() => $createSectionHeadingNode((match[1]!.length - 1) as HeadingLevel))(parent, children),
};

const PULL_QUOTE: ElementTransformer = {
  type: 'element', dependencies: [PullQuoteNode], regExp: /^>\s/,
  export: (node, traverse) => (node instanceof PullQuoteNode ? `> ${traverse(node)}` : null),
  replace: replaceWith($createPullQuoteNode),
};

export const STORY_MARKDOWN: Transformer[] = [SECTION, HEADLINE, PULL_QUOTE, UNORDERED_LIST, ORDERED_LIST, BOLD_STAR];
