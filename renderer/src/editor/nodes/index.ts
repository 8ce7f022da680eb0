import type { Klass, LexicalNode } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { KickerNode } from './KickerNode';
import { HeadlineNode } from './HeadlineNode';
import { DeckNode } from './DeckNode';
import { SectionHeadingNode } from './SectionHeadingNode';
import { PullQuoteNode } from './PullQuoteNode';
import { LeadInNode } from './LeadInNode';
import { FigureNode } from './FigureNode';
import { CreditsNode } from './CreditsNode';

// Every node a story can hold (shared/story/node-types.ts). HeadingNode and QuoteNode stay
// registered so stories saved before the custom nodes (and pasted HTML) still load.
export const STORY_NODES: Klass<LexicalNode>[] = [
  KickerNode, HeadlineNode, DeckNode, SectionHeadingNode, PullQuoteNode, LeadInNode, FigureNode, CreditsNode,
  ListNode, ListItemNode, LinkNode, HeadingNode, QuoteNode,
];
