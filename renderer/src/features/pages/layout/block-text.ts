import type { Block, Edition, Page } from '../../../../../shared/document/schema';
import { formatIssueDate } from '../../../../../shared/layout/running-heads';
import { blockWords, headContext, type WordsContext } from '../../../../../shared/layout/block-words';
import { headlineTakesKicker, storyPartText } from '../../../../../shared/layout/story-parts';

// Which words a text block shows for the page's language. A Chinese page honours each
// block's own language (an English deck, a bilingual masthead); the English version of
// the page shows every block's English, falling back to the Chinese where none exists.
export interface ShownText { zh?: string; en?: string }

export type TextContext = WordsContext;
export { headContext };

export function shownText(b: Block, pageLang: 'zh' | 'en', ctx?: TextContext): ShownText {
  const w = blockWords(b, ctx);
  const zh = w.zh?.trim() ? w.zh : undefined;
  const en = w.en?.trim() ? w.en : undefined;
  if (pageLang === 'en') return en ? { en } : { zh };
  if (b.lang === 'en') return en ? { en } : { zh };
  if (b.lang === 'both') return { zh, en };
  return { zh };
}

/** The story's kicker over a from-story headline (see headlineTakesKicker), for the page's language. */
export function titleKicker(b: Block, page: Page, ctx: TextContext | undefined, lang: 'zh' | 'en'): string | undefined {
  if (!headlineTakesKicker(page, b)) return undefined;
  const story = ctx?.stories?.[b.storyId!];
  const text = (lang === 'en' ? storyPartText(story, 'kicker', 'en') : '') || storyPartText(story, 'kicker', 'zh');
  return text || undefined;
}

export function captionOf(edition: Edition, photoId: string | undefined, lang: 'zh' | 'en', blockLang: Block['lang']): ShownText {
  const p = edition.photos.find((ph) => ph.id === photoId);
  if (!p) return {};
  const zh = p.meta.caption.zh.trim() || undefined;
  const en = p.meta.caption.en.trim() || undefined;
  if (lang === 'en' || blockLang === 'en') return en ? { en } : { zh };
  if (blockLang === 'both') return { zh, en };
  return { zh };
}

/** 2026-02-26 → 2026年2月26日 (or February 26, 2026). */
export function issueDate(iso: string, lang: 'zh' | 'en'): string {
  return formatIssueDate(iso, lang);
}

/** 2025-02-25 → 星期二 (or Tuesday): the day of the week a masthead prints beside the date. */
export function weekday(iso: string, lang: 'zh' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return lang === 'en' ? ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][day]! : `星期${'日一二三四五六'[day]}`;
}

/** The masthead's dateline: the page's own date where it carries one (a page from another issue), else the edition's. */
export function mastheadDate(b: Pick<Block, 'date'>, edition: Pick<Edition, 'issueDate'>, lang: 'zh' | 'en'): string {
  const iso = b.date ?? edition.issueDate;
  return lang === 'en' ? `${weekday(iso, 'en')}, ${issueDate(iso, 'en')}` : `${issueDate(iso, 'zh')} ${weekday(iso, 'zh')}`;
}
