import { nodeText } from '../document/lexical-state';
import type { Block, Page, Story } from '../document/schema';
import type { FlowKind } from './flow-content';
import { TEMPLATES } from './templates';

// Story parts on the page (issue 10 item 5): a kicker, headline or deck block can take its
// text from a story's own kicker / headline / deck ("来自稿件"), as InDesign users pull a
// headline out of the InCopy story. The story's frames then set the body only: the parts
// the page shows elsewhere are skipped in the thread, so nothing is set twice.

export type StoryPart = 'kicker' | 'headline' | 'deck';
export const STORY_PARTS: readonly StoryPart[] = ['kicker', 'headline', 'deck'];

export const isPartKind = (k: Block['kind']): k is StoryPart => (STORY_PARTS as readonly string[]).includes(k);

/** The story's own text for a part in one language ('' when it has none). Several nodes of a part join with a line break. */
export function storyPartText(story: Story | undefined, part: StoryPart, lang: 'zh' | 'en'): string {
  const state = lang === 'en' ? story?.en : story?.zh;
  return (state?.root.children ?? []).filter((n) => n.type === part).map((n) => nodeText(n).trim()).filter(Boolean).join('\n');
}

/**
 * A from-story headline on a page with no from-story kicker block for the same story heads
 * its title group with the story's kicker (引题 over 主题, as Chinese papers set them), so
 * a story with a kicker never has it fall into the body columns.
 */
export function headlineTakesKicker(page: Page, b: Block): boolean {
  return b.kind === 'headline' && !!b.fromStory && !!b.storyId && !page.blocks.some((k) => k.kind === 'kicker' && k.fromStory && k.storyId === b.storyId);
}

/** Which parts of which stories blocks on `pages` show: those the frames skip. */
export function shownParts(pages: readonly Page[]): Map<string, Set<StoryPart>> {
  const out = new Map<string, Set<StoryPart>>();
  for (const p of pages) for (const b of p.blocks) {
    if (!b.fromStory || !b.storyId || !isPartKind(b.kind)) continue;
    const set = out.get(b.storyId) ?? new Set<StoryPart>();
    set.add(b.kind);
    if (headlineTakesKicker(p, b)) set.add('kicker');
    out.set(b.storyId, set);
  }
  return out;
}

/** Paragraph kinds the frames skip for a story (see shownParts). */
export function skippedKinds(parts: ReadonlySet<StoryPart> | undefined): ReadonlySet<FlowKind> {
  return (parts ?? new Set()) as ReadonlySet<FlowKind>;
}

/**
 * Text the templates (and the composer's "add block") put into a block as a stand-in:
 * a block still showing it is a placeholder, not copy. The UI's default block names are
 * passed in by the caller (they live in the renderer's catalogs).
 */
const TEMPLATE_TEXT = new Set(TEMPLATES.flatMap((t) => t.blocks.filter((b) => isPartKind(b.kind)).flatMap((b) => [b.text, b.textEn]).filter((s): s is string => !!s?.trim())));

export function isPlaceholder(b: Block, extra: readonly string[] = []): boolean {
  const texts = [b.text, b.textEn].map((s) => s?.trim() ?? '').filter(Boolean);
  return texts.every((s) => TEMPLATE_TEXT.has(s) || extra.includes(s));
}

/**
 * After `storyId` was put into a frame on `page`: its kicker/headline/deck blocks that are
 * still empty or show template text take the story's own part, where the story has one.
 * Blocks a designer has typed into, or already tied to a story, are left alone.
 */
export function adoptStoryParts(page: Page, story: Story | undefined, extra: readonly string[] = []): Page {
  if (!story) return page;
  let changed = false;
  // One block per part: a second headline block on the page is a designer's own.
  const taken = new Set<StoryPart>(page.blocks.filter((b) => b.fromStory && b.storyId === story.id && isPartKind(b.kind)).map((b) => b.kind as StoryPart));
  const blocks = page.blocks.map((b) => {
    if (!isPartKind(b.kind) || b.fromStory || taken.has(b.kind) || !isPlaceholder(b, extra)) return b;
    if (!storyPartText(story, b.kind, 'zh') && !storyPartText(story, b.kind, 'en')) return b;
    changed = true;
    taken.add(b.kind);
    // The stand-in text goes: it was never copy, and the preflight must not see it.
    const { text: _t, textEn: _e, ...rest } = b;
    return { ...rest, storyId: story.id, fromStory: true };
  });
  return changed ? { ...page, blocks } : page;
}
