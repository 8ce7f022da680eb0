import type { Klass, LexicalNode } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { KickerData } from './kicker';
import { HeadlineData } from './headline';
import { DeckData } from './deck';
import { SectionHeadingData } from './section-heading';
import { PullQuoteData } from './pull-quote';
import { LeadInData } from './lead-in';
import { FigureData } from './figure';
import { CreditsData } from './credits';

// Every node a story can hold, data parts only (no DOM view): what main's headless editor
// registers to turn a story's Lexical JSON into its shared Yjs document and back (issue 12).
// The renderer registers its own subclasses with the same types (renderer/src/editor/nodes).
export const STORY_DATA_NODES: Klass<LexicalNode>[] = [
  KickerData, HeadlineData, DeckData, SectionHeadingData, PullQuoteData, LeadInData, FigureData, CreditsData,
  ListNode, ListItemNode, LinkNode, HeadingNode, QuoteNode,
];
