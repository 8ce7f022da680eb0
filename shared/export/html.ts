import type { Block, Edition, Page, Story } from '../document/schema';
import { esc, langTag } from './html-escape';
import { creditsHtml, figureHtml, storyHtml, type StoryRenderContext, type WebImage } from './html-story';
import { blockWords, type WordsContext } from '../layout/block-words';
import { headlineTakesKicker, shownParts, storyPartText } from '../layout/story-parts';

// Web HTML export (issue 5): one self-contained responsive article per page, in reading
// order rather than page geometry, fit for pasting into a WeChat or 学习强国 editor.
// No script at all, inline style, photos already resized and inlined as data: URIs by
// the caller, every piece of copy escaped, and lang set on the document and on any part
// shown in the other language because its translation is missing.

export type { WebImage } from './html-story';

export interface WebArticleInput {
  lang: 'zh' | 'en';
  edition: Pick<Edition, 'title' | 'paper' | 'paperEn' | 'issueDate' | 'photos'>;
  page: Page;
  stories: Readonly<Record<string, Story>>;
  /** Resized photos by photo id. */
  images: Readonly<Record<string, WebImage>>;
}

const STYLE = `
:root{color-scheme:light}
body{margin:0;background:#fff;color:#1a1a1a;font:17px/1.8 "Noto Serif SC","Source Han Serif SC","Songti SC",serif}
article{max-width:40em;margin:0 auto;padding:1.2em 1em 3em}
.masthead{margin:0 0 1em;font:600 .85em/1.4 "Noto Sans SC",sans-serif;color:#b0000b;letter-spacing:.05em}
.kicker,.label{margin:0;font:600 .9em/1.5 "Noto Sans SC",sans-serif;color:#b0000b}
h1{margin:.3em 0 .4em;font:900 1.7em/1.3 "Noto Sans SC","Source Han Sans SC",sans-serif}
h2,h3,h4{margin:1.6em 0 .5em;font:700 1.15em/1.5 "Noto Sans SC",sans-serif}
h3,h4{font-size:1.05em}
.deck{margin:0 0 1.2em;font:500 1.05em/1.6 "Noto Sans SC",sans-serif;color:#444}
p{margin:0 0 1em;text-align:justify}
.story p:not([class]){text-indent:2em}
:lang(en) .story p:not([class]),.story:lang(en) p:not([class]){text-indent:0}
.lead-in{font-weight:700}
blockquote{margin:1.2em 0;padding:0 0 0 1em;border-left:3px solid #b0000b;color:#333}
figure{margin:1.4em 0}
figure img{display:block;width:100%;height:auto}
figcaption{margin-top:.4em;font:.85em/1.6 "LXGW WenKai","Kaiti SC",serif;color:#444}
.credit{color:#777}
.credits{margin-top:2em;font:.85em/1.8 "Noto Sans SC",sans-serif;color:#555}
footer{margin-top:2em;font:.8em/1.6 "Noto Sans SC",sans-serif;color:#777}
`.trim();

/** Blocks top to bottom, then left to right: the order a reader of the page takes them in. */
function readingOrder(blocks: readonly Block[]): Block[] {
  return [...blocks].sort((a, b) => a.yMm - b.yMm || a.col - b.col);
}

/** A block's text in the article language, with the language it really is in. */
function blockText(b: Block, lang: 'zh' | 'en', words?: WordsContext): { text: string; lang: 'zh' | 'en' } {
  // From-story blocks and running-head variables (issue 10) resolve as on the printed page.
  const w = blockWords(b, words);
  const zh = (w.zh ?? '').trim();
  const en = (w.en ?? '').trim();
  if (lang === 'en') return en ? { text: en, lang: 'en' } : { text: zh, lang: 'zh' };
  return zh ? { text: zh, lang: 'zh' } : { text: en, lang: 'en' };
}

function textEl(tag: string, cls: string, t: { text: string; lang: 'zh' | 'en' }, article: 'zh' | 'en'): string {
  if (t.text === '') return '';
  const l = t.lang === article ? '' : ` lang="${langTag(t.lang)}"`;
  const c = cls ? ` class="${cls}"` : '';
  return `<${tag}${c}${l}>${esc(t.text).replace(/\n/g, '<br>')}</${tag}>`;
}

export function webArticleHtml(input: WebArticleInput): string {
  const { lang, page, edition } = input;
  const photos = new Map(edition.photos.map((p) => [p.id, p]));
  const shown = new Set<string>();
  const storiesDone = new Set<string>();
  const ctx: StoryRenderContext = { lang, images: input.images, onFigure: (id) => shown.add(id) };
  const parts: string[] = [];
  let title = '';
  let h1Done = false;

  const photoFigure = (photoId: string): string => {
    const p = photos.get(photoId);
    if (!p || shown.has(photoId)) return '';
    shown.add(photoId);
    const own = p.meta.caption[lang].trim();
    const other = lang === 'en' ? 'zh' : 'en';
    const credit = p.meta.credit.trim() || p.meta.creator.trim();
    return figureHtml({ photoId, caption: own || p.meta.caption[other].trim(), captionLang: own ? lang : other, credit }, ctx);
  };

  const words: WordsContext = {
    heads: { title: edition.title, paper: edition.paper, paperEn: edition.paperEn, issueDate: edition.issueDate, page: page.number, pages: (edition as Partial<Edition>).pages?.length ?? page.number },
    stories: input.stories,
  };
  const bt = (b: Block) => blockText(b, lang, words);
  // Story parts the page shows in blocks of their own are not repeated in the story's copy.
  const skip = shownParts([page]);
  const blocks = readingOrder(page.blocks);
  // Figures of the stories first, so a photo block showing the same photo is not repeated.
  const storyParts = new Map<string, string>();
  for (const b of blocks) {
    if (b.kind !== 'story' || !b.storyId || storyParts.has(b.storyId)) continue;
    const story = input.stories[b.storyId];
    if (!story) continue;
    const full = lang === 'en' ? story.en ?? story.zh : story.zh ?? story.en;
    if (!full) continue;
    const parts = skip.get(b.storyId);
    const state = parts?.size ? { root: { ...full.root, children: full.root.children.filter((n) => !(parts as ReadonlySet<string>).has(n.type)) } } : full;
    const stateLang = full === story.en ? 'en' : 'zh';
    storyParts.set(b.storyId, storyHtml(state, ctx, stateLang));
  }

  for (const b of blocks) {
    switch (b.kind) {
      case 'masthead': {
        const name = lang === 'en' ? edition.paperEn || b.textEn || edition.paper : b.text || edition.paper;
        const t = { text: `${name} · ${edition.issueDate}`, lang: lang === 'en' && (edition.paperEn || b.textEn) ? 'en' as const : 'zh' as const };
        parts.push(textEl('p', 'masthead', t, lang));
        break;
      }
      case 'kicker':
      case 'label':
        parts.push(textEl('p', b.kind, bt(b), lang));
        break;
      case 'headline': {
        const t = bt(b);
        if (headlineTakesKicker(page, b)) {
          const k = (lang === 'en' ? storyPartText(input.stories[b.storyId!], 'kicker', 'en') : '') || storyPartText(input.stories[b.storyId!], 'kicker', 'zh');
          if (k) parts.push(textEl('p', 'kicker', { text: k, lang: /[\u4e00-\u9fff]/.test(k) ? 'zh' : 'en' }, lang));
        }
        if (!title) title = t.text;
        parts.push(textEl(h1Done ? 'h2' : 'h1', '', t, lang));
        h1Done = true;
        break;
      }
      case 'deck':
        parts.push(textEl('p', 'deck', bt(b), lang));
        break;
      case 'story':
        if (b.storyId && !storiesDone.has(b.storyId)) {
          storiesDone.add(b.storyId);
          parts.push(storyParts.get(b.storyId) ?? '');
        }
        break;
      case 'photo':
        if (b.photoId) parts.push(photoFigure(b.photoId));
        break;
      case 'caption':
        parts.push(textEl('p', 'caption', bt(b), lang));
        break;
      case 'credits':
        if (b.credits?.length) parts.push(creditsHtml(b.credits, lang));
        else parts.push(textEl('p', 'credits', bt(b), lang));
        break;
      case 'footer':
        parts.push(textEl('footer', '', bt(b), lang));
        break;
      default:
        break; // rules and boxes are page geometry, not copy
    }
  }

  const docTitle = title || page.name || edition.title;
  return `<!doctype html>
<html lang="${langTag(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(docTitle)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<article>
${parts.filter((p) => p !== '').join('\n')}
</article>
</body>
</html>
`;
}
