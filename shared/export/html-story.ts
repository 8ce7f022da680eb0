import { FORMAT, type SerializedEditorState, type SerializedNode } from '../document/lexical-state';
import type { Credit } from '../document/schema';
import { formatCreditLine } from '../story/credit-lines';
import type { SerializedCredits, SerializedFigure } from '../story/node-types';
import { isSafeUrl } from '../story/source-blocks';
import { esc, langTag } from './html-escape';

// A story's Lexical state as plain semantic HTML, without the editor: the node vocabulary
// of shared/story/node-types.ts walked as data (Koenig's renderer split, STYLE.md). Every
// piece of copy is escaped; links keep only http, https and mailto.

export interface WebImage {
  /** A data: URI of the resized photo. */
  src: string;
  width: number;
  height: number;
}

export interface FigureData {
  photoId: string;
  caption: string;
  /** Language of the caption text, when it differs from the article's (a fallback). */
  captionLang: 'zh' | 'en';
  credit: string;
}

export interface StoryRenderContext {
  lang: 'zh' | 'en';
  images: Readonly<Record<string, WebImage>>;
  /** Called for each figure node, so the page does not show that photo a second time. */
  onFigure?: (photoId: string) => void;
}

function inline(nodes: readonly SerializedNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'linebreak') s += '<br>';
    else if (n.type === 'tab') s += ' ';
    else if (n.type === 'lead-in') s += `<strong class="lead-in">${esc(n.text ?? '')}</strong>`;
    else if (n.type === 'text') s += formatted(esc(n.text ?? ''), typeof n.format === 'number' ? n.format : 0);
    else if (n.type === 'link') {
      const url = typeof n['url'] === 'string' ? n['url'] : '';
      const body = inline(n.children ?? []);
      s += isSafeUrl(url) ? `<a href="${esc(url.trim())}">${body}</a>` : body;
    } else if (n.children) s += inline(n.children);
    else if (typeof n.text === 'string') s += esc(n.text);
  }
  return s;
}

function formatted(html: string, format: number): string {
  if (html === '') return html;
  let s = html;
  if (format & FORMAT.subscript) s = `<sub>${s}</sub>`;
  if (format & FORMAT.superscript) s = `<sup>${s}</sup>`;
  if (format & FORMAT.strikethrough) s = `<s>${s}</s>`;
  if (format & FORMAT.underline) s = `<u>${s}</u>`;
  if (format & FORMAT.italic) s = `<em>${s}</em>`;
  if (format & FORMAT.bold) s = `<strong>${s}</strong>`;
  return s;
}

const langAttr = (lang: 'zh' | 'en', article: 'zh' | 'en') => (lang === article ? '' : ` lang="${langTag(lang)}"`);

/** A figure: the resized photo, its caption and credit. No image → caption only, still a figure. */
export function figureHtml(f: FigureData, ctx: StoryRenderContext): string {
  const img = ctx.images[f.photoId];
  const src = img && /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/.test(img.src) ? img : null;
  const alt = esc(f.caption);
  const pic = src ? `<img src="${src.src}" width="${Math.round(src.width)}" height="${Math.round(src.height)}" alt="${alt}">` : '';
  const credit = f.credit.trim() ? ` <span class="credit">${esc(f.credit.trim())}</span>` : '';
  const caption = f.caption.trim() || credit ? `<figcaption${langAttr(f.captionLang, ctx.lang)}>${esc(f.caption.trim())}${credit}</figcaption>` : '';
  return `<figure>${pic}${caption}</figure>`;
}

export function creditsHtml(credits: readonly Credit[], lang: 'zh' | 'en'): string {
  if (credits.length === 0) return '';
  return `<p class="credits">${credits.map((c) => esc(formatCreditLine(c, lang))).join('<br>')}</p>`;
}

function headingLevel(n: SerializedNode): number {
  if (n.type === 'section-heading') return Math.min(3, Math.max(1, Number(n['level']) || 1));
  const tag = /^h([1-6])$/.exec(String(n.tag ?? ''));
  return tag ? Math.min(3, Math.max(1, Number(tag[1]) - 1)) : 1;
}

function block(n: SerializedNode, ctx: StoryRenderContext): string {
  switch (n.type) {
    case 'kicker': return `<p class="kicker">${inline(n.children ?? [])}</p>`;
    case 'headline': return `<h1>${inline(n.children ?? [])}</h1>`;
    case 'deck': return `<p class="deck">${inline(n.children ?? [])}</p>`;
    // Section heads sit under the article's h1: level 1 → h2.
    case 'section-heading':
    case 'heading': { const h = headingLevel(n) + 1; return `<h${h}>${inline(n.children ?? [])}</h${h}>`; }
    case 'pull-quote':
    case 'quote': return `<blockquote>${inline(n.children ?? [])}</blockquote>`;
    case 'list': {
      const tag = n['listType'] === 'number' ? 'ol' : 'ul';
      return `<${tag}>${(n.children ?? []).map((li) => `<li>${inline(li.children ?? [])}</li>`).join('')}</${tag}>`;
    }
    case 'figure': {
      const f = n as SerializedFigure;
      ctx.onFigure?.(f.photoId);
      const own = (f.caption?.[ctx.lang] ?? '').trim();
      const other = ctx.lang === 'en' ? 'zh' : 'en';
      return figureHtml({ photoId: f.photoId, caption: own || (f.caption?.[other] ?? ''), captionLang: own ? ctx.lang : other, credit: f.credit ?? '' }, ctx);
    }
    case 'credits': return creditsHtml((n as SerializedCredits).credits ?? [], ctx.lang);
    default: {
      const body = inline(n.children ?? []);
      return body.trim() === '' ? '' : `<p>${body}</p>`;
    }
  }
}

/** The story's blocks as HTML, in order; `storyLang` marks a version shown in place of the other. */
export function storyHtml(state: SerializedEditorState, ctx: StoryRenderContext, storyLang: 'zh' | 'en' = ctx.lang): string {
  const inner = state.root.children.map((n) => block(n, { ...ctx, lang: storyLang })).filter((s) => s !== '').join('\n');
  return `<div class="story"${langAttr(storyLang, ctx.lang)}>\n${inner}\n</div>`;
}
