import type { Block } from '../../../shared/document/schema';

// Keyboard navigation of a page's blocks (issue 17): Tab / Shift+Tab walk them in reading
// order, as a reader's eye goes down a Chinese broadsheet: top to bottom, and across a
// row from left to right. Blocks whose tops are within ROW_MM of each other are one row.

const ROW_MM = 2;

export function readingOrder(blocks: readonly Block[]): Block[] {
  return [...blocks].sort((a, b) => (Math.abs(a.yMm - b.yMm) > ROW_MM ? a.yMm - b.yMm : a.col - b.col || a.yMm - b.yMm));
}

/** The block after (dir 1) or before (dir -1) `current` in reading order; null past either end, so Tab can leave the page. */
export function stepBlock(blocks: readonly Block[], current: string | null, dir: 1 | -1): Block | null {
  const order = readingOrder(blocks);
  if (order.length === 0) return null;
  const i = current ? order.findIndex((b) => b.id === current) : -1;
  if (i < 0) return (dir === 1 ? order[0] : order[order.length - 1]) ?? null;
  return order[i + dir] ?? null;
}

const TEXT_KINDS = new Set<Block['kind']>(['headline', 'kicker', 'deck', 'label', 'caption', 'footer', 'masthead']);

/**
 * What an empty frame says it is for, as an i18n key suffix (frame.empty.<key>), or null
 * when it has content. A story frame without a story, a photo frame without a photo, a
 * text block with no words of its own and none from its story.
 */
export function emptyFrameKey(b: Block): 'story' | 'photo' | 'headline' | 'kicker' | 'deck' | 'label' | 'caption' | 'credits' | 'text' | null {
  if (b.kind === 'story') return b.storyId ? null : 'story';
  if (b.kind === 'photo') return b.photoId ? null : 'photo';
  if (b.kind === 'credits') return (b.credits ?? []).some((c) => c.names.some((n) => n.trim())) ? null : 'credits';
  if (!TEXT_KINDS.has(b.kind)) return null;
  if ((b.fromStory && b.storyId) || (b.text ?? '').trim() || (b.textEn ?? '').trim()) return null;
  return b.kind === 'headline' || b.kind === 'kicker' || b.kind === 'deck' || b.kind === 'label' || b.kind === 'caption' ? b.kind : 'text';
}
