import type { Block, Edition, Page, Story } from '../document/schema';
import { resolveHeads, type HeadContext } from './running-heads';
import { isPartKind, storyPartText } from './story-parts';

// A text block's words in each language, as every output sets them (the page renderer in
// the composer and in print, the web article): a "from story" block shows its story's
// kicker/headline/deck, any other its own text with the running-head variables filled.

export interface WordsContext {
  heads?: HeadContext;
  stories?: Readonly<Record<string, Story>>;
}

export function headContext(edition: Edition, page: Page): HeadContext {
  return { title: edition.title, paper: edition.paper, paperEn: edition.paperEn, issueDate: edition.issueDate, page: page.number, pages: edition.pages.length };
}

export function blockWords(b: Block, ctx: WordsContext | undefined): { zh?: string; en?: string } {
  if (b.fromStory && b.storyId && isPartKind(b.kind)) {
    const story = ctx?.stories?.[b.storyId];
    return { zh: storyPartText(story, b.kind, 'zh'), en: storyPartText(story, b.kind, 'en') };
  }
  const fill = (s: string | undefined, l: 'zh' | 'en') => (s && ctx?.heads ? resolveHeads(s, ctx.heads, l) : s);
  return { zh: fill(b.text, 'zh'), en: fill(b.textEn, 'en') };
}
