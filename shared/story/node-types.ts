import type { SerializedNode } from '../document/lexical-state';
import type { Credit } from '../document/schema';

// The story's node vocabulary as stored on disk. The editor's Lexical node classes
// (renderer/src/editor/nodes) read and write exactly these shapes; importers (docx,
// Markdown) and exporters (Markdown, text, docx, page render) build and walk them
// without Lexical. Every block carries a pair id (NodeState "$.pairId") that links a
// Chinese paragraph to its English translation.

export const STORY_NODE_TYPES = {
  kicker: 'kicker',
  headline: 'headline',
  deck: 'deck',
  sectionHeading: 'section-heading',
  paragraph: 'paragraph',
  pullQuote: 'pull-quote',
  figure: 'figure',
  credits: 'credits',
  leadIn: 'lead-in',
  text: 'text',
  lineBreak: 'linebreak',
  link: 'link',
  list: 'list',
  listItem: 'listitem',
} as const;

export interface SerializedFigure extends SerializedNode {
  type: 'figure';
  photoId: string;
  /** The caption as the story shows it; equals the photo's unless `captionOverride`. */
  caption: { zh: string; en: string };
  credit: string;
  /** True when the story's caption was changed away from the photo's on purpose. */
  captionOverride: boolean;
}

export interface SerializedCredits extends SerializedNode {
  type: 'credits';
  credits: Credit[];
}

export type BlockKind = 'kicker' | 'headline' | 'deck' | 'section-heading' | 'paragraph' | 'pull-quote';

export function pairIdOf(node: SerializedNode): string | undefined {
  const state = node['$'] as Record<string, unknown> | undefined;
  return typeof state?.['pairId'] === 'string' ? state['pairId'] : undefined;
}

export function withPairId<T extends SerializedNode>(node: T, pairId: string): T {
  return { ...node, $: { ...((node['$'] as object | undefined) ?? {}), pairId } };
}

export function element(type: BlockKind, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode {
  return { type, version: 1, children, direction: 'ltr', format: '', indent: 0, ...extra };
}

export function leadIn(text: string): SerializedNode {
  return { type: 'lead-in', version: 1, text, format: 1, style: '', mode: 'normal', detail: 0 };
}

export function figure(photoId: string, caption: { zh: string; en: string }, credit: string, captionOverride = false): SerializedFigure {
  return { type: 'figure', version: 1, photoId, caption, credit, captionOverride };
}

export function credits(list: Credit[]): SerializedCredits {
  return { type: 'credits', version: 1, credits: list };
}
