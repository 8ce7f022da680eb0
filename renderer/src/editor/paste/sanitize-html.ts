// Clipboard HTML from Word, WPS and web pages, cleaned down to what a story can hold before
// Lexical imports it (the importDOM of renderer/src/editor/nodes): h1 (headline), h2–h4
// (section heads 1–3), p (class kicker or deck), blockquote.pull-quote, ul/ol/li, and inside
// a block only text, br, strong (strong.lead-in when a bold run opens a paragraph), em, sub,
// sup and a[href]. The result is rebuilt into a fresh inert document instead of pruning the
// source in place, so a tag or attribute nobody listed can never slip through: only what
// this file creates is there, and the one attribute copied over is a checked href.

const TEXT = 3;
const ELEMENT = 1;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Dropped with everything inside: active content, media, forms, document metadata. Word's
// <o:p> holds only the &nbsp; that keeps an empty paragraph open; <xml> its settings.
const DROP = new Set(['script', 'style', 'meta', 'link', 'base', 'head', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'form', 'img', 'picture', 'video', 'audio', 'source', 'track', 'canvas', 'map', 'area', 'button', 'input',
  'select', 'textarea', 'option', 'template', 'noscript', 'xml', 'dialog', 'slot', 'o:p']);
// Word content controls (<w:sdt>) wrap real copy; every other Office-namespaced element is
// drawing (v:*) or settings (o:*, w:*), so it goes.
const OFFICE_KEEP = new Set(['w:sdt', 'w:sdtcontent']);
const CONTAINERS = new Set(['body', 'html', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure',
  'figcaption', 'center', 'address', 'details', 'summary', 'fieldset', 'legend', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'dl', 'dt', 'dd', 'blockquote', 'hgroup', 'w:sdt', 'w:sdtcontent']);
const BLOCK_SELECTOR = [...CONTAINERS].filter((t) => !t.includes(':')).concat(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'pre', 'hr']).join(',');
const BLOCKS_OUT = 'h1,h2,h3,h4,p,blockquote,li';
// East Asian wide characters: a line break between two of them is no space (CSS Text 3,
// 4.1.3 "Segment Break Transformation Rules"). Word hard-wraps its HTML source mid-sentence.
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// Word numbers an ordered list item with "1." "a)" "（一）" "一、"; anything else is a bullet.
const ORDERED_MARKER = /^[(（]?(?:\d+|[０-９]+|[a-z]|[ivxlc]+|[一二三四五六七八九十百]+)[.)）、．]/i;

type Spec = { tag: string; cls?: string };

// A tag with well-formed attributes, and one attribute with its value.
const TAG = /<[a-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/gi;
const ATTR = /(\s+)([^\s=/>]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;
const DEFUSED = 'data-paste-';
const STYLE_SHEET = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/**
 * Renames style and on* attributes, and removes style sheets, before the clipboard is
 * parsed. A document from DOMParser is inert, but Chromium still checks its styles and
 * handlers against the page's CSP (style-src 'self', script-src 'self') and logs a
 * violation for each: a page of Word copy would fill the console. Nothing is lost: the
 * sanitizer reads styles under the new name and never copies a handler or a sheet.
 */
export function defuseAttributes(html: string): string {
  return html.replace(STYLE_SHEET, '').replace(TAG, (tag) => tag.replace(ATTR, (all, space: string, name: string, value = '') => (
    /^(style$|on)/i.test(name) ? `${space}${DEFUSED}${name}${value}` : all)));
}

// Read from the renamed attribute (see defuseAttributes) or, for a document parsed elsewhere, the real one.
const styleOf = (el: Element) => el.getAttribute(`${DEFUSED}style`) ?? el.getAttribute('style') ?? '';
const prop = (el: Element, name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(styleOf(el))?.[1]?.trim().toLowerCase() ?? '';
const classes = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
const nameOf = (el: Element) => el.localName.toLowerCase();

function isSkipped(el: Element, tag: string): boolean {
  if (DROP.has(tag) || el.hasAttribute('hidden')) return true;
  if (tag.includes(':') && !OFFICE_KEEP.has(tag)) return true;
  return prop(el, 'display') === 'none' || prop(el, 'visibility') === 'hidden' || prop(el, 'mso-hide') === 'all'
    || /^comment/.test(prop(el, 'mso-element')) || prop(el, 'mso-special-character') === 'comment';
}

function safeHref(el: Element): string | null {
  try {
    const url = new URL((el.getAttribute('href') ?? '').trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null; // relative links (Word's #_ftn1, a site's /path) have nowhere to go
  }
}

/** What a paragraph-like source element becomes, from its tag, Word/WPS class or outline level. */
function blockSpec(el: Element, tag: string): Spec {
  const heading = (n: number): Spec => ({ tag: `h${Math.min(Math.max(n, 1), 4)}` });
  if (/^h[1-6]$/.test(tag)) return heading(Number(tag[1]));
  const cls = classes(el);
  const has = (c: string) => cls.some((x) => x.toLowerCase() === c.toLowerCase());
  if (has('MsoTitle')) return { tag: 'h1' };
  if (has('MsoSubtitle') || has('deck')) return { tag: 'p', cls: 'deck' };
  if (has('kicker')) return { tag: 'p', cls: 'kicker' };
  if (has('pull-quote')) return { tag: 'blockquote', cls: 'pull-quote' };
  const level = /^MsoHeading(\d)$/i.exec(cls.find((c) => /^MsoHeading\d$/i.test(c)) ?? '')?.[1] ?? /^(\d)/.exec(prop(el, 'mso-outline-level'))?.[1];
  return level ? heading(Number(level)) : { tag: 'p' };
}

/** The list level of a Word/WPS list paragraph (`mso-list:l0 level2 lfo1`), else 0. */
function wordListLevel(el: Element): number {
  return Number(/^l\d+\s+level(\d+)/.exec(prop(el, 'mso-list'))?.[1] ?? 0);
}
const isListMarker = (el: Element) => prop(el, 'mso-list') === 'ignore';

/** Formatting an inline source element carries, as tags from outermost to innermost. */
function formatsOf(el: Element, tag: string): string[] {
  const weight = prop(el, 'font-weight');
  const slant = prop(el, 'font-style');
  const valign = prop(el, 'vertical-align');
  // Word's "raised/lowered" position: mso-text-raise (or position:relative with top).
  const raise = parseFloat(prop(el, 'mso-text-raise')) || (prop(el, 'position') === 'relative' ? -parseFloat(prop(el, 'top')) || 0 : 0);
  const out: string[] = [];
  if (tag === 'a' && safeHref(el)) out.push('a');
  if (((tag === 'b' || tag === 'strong') && !/^(normal|lighter|[1-5]00)$/.test(weight)) || /^(bold|bolder|[6-9]00)$/.test(weight)) out.push('strong');
  if (((tag === 'i' || tag === 'em' || tag === 'cite') && slant !== 'normal') || /^(italic|oblique)/.test(slant)) out.push('em');
  if (tag === 'sub' || (tag !== 'sup' && (valign === 'sub' || raise < 0))) out.push('sub');
  else if (tag === 'sup' || valign === 'super' || raise > 0) out.push('sup');
  return out;
}

class Cleaner {
  private pending: HTMLElement | null = null; // the paragraph collecting stray inline content
  private lists: { level: number; list: HTMLElement }[] = []; // open Word lists, by level

  constructor(private readonly doc: Document) {}

  blocks(src: Node, into: HTMLElement): void {
    for (const child of Array.from(src.childNodes)) this.block(child, into);
  }

  private block(node: Node, into: HTMLElement): void {
    if (node.nodeType === TEXT) {
      if (!/\S/.test(node.nodeValue ?? '') && !this.pending) return;
      this.lists = [];
      this.paragraph(into).append(this.doc.createTextNode(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== ELEMENT) return; // comments, including Word's conditional ones
    const el = node as Element;
    const tag = nameOf(el);
    if (isSkipped(el, tag)) return;
    const spec = tag === 'p' || /^h[1-6]$/.test(tag) ? blockSpec(el, tag) : null;
    const level = spec?.tag === 'p' && !spec.cls ? wordListLevel(el) : 0;
    if (level > 0) return this.wordListItem(el, level, into);
    this.lists = [];
    if (spec) return void this.leaf(el, spec, into);
    if (tag === 'blockquote' && classes(el).includes('pull-quote')) return void this.leaf(el, { tag, cls: 'pull-quote' }, into);
    if (tag === 'li' || tag === 'pre') return void this.leaf(el, { tag: 'p' }, into);
    if (tag === 'ul' || tag === 'ol') {
      this.pending = null;
      into.append(this.list(el, tag));
      return;
    }
    if (tag === 'hr') { this.pending = null; return; }
    if (tag === 'br') {
      // One break is a line break inside the paragraph; a second one ends the paragraph.
      if (this.pending?.lastChild?.nodeName === 'BR') { this.pending.lastChild.remove(); this.pending = null; }
      else this.pending?.append(this.doc.createElement('br'));
      return;
    }
    if (CONTAINERS.has(tag) || el.querySelector(BLOCK_SELECTOR)) {
      // A div, a table cell, or an inline wrapper around blocks (Google Docs wraps a whole
      // document in <b style="font-weight:normal">): its blocks stand on their own.
      this.pending = null;
      this.blocks(el, into);
      this.pending = null;
      return;
    }
    this.inline(el, this.paragraph(into), false);
  }

  private paragraph(into: HTMLElement): HTMLElement {
    if (!this.pending) {
      this.pending = this.doc.createElement('p');
      into.append(this.pending);
    }
    return this.pending;
  }

  private leaf(el: Element, spec: Spec, into: HTMLElement): HTMLElement {
    this.pending = null;
    const block = this.doc.createElement(spec.tag);
    if (spec.cls) block.className = spec.cls;
    into.append(block);
    // Numbered headings keep their number ("一、"), as the reader sees it in Word.
    this.inlineChildren(el, block, spec.tag.startsWith('h'));
    return block;
  }

  private list(el: Element, tag: string): HTMLElement {
    const list = this.doc.createElement(tag);
    let item: HTMLElement | null = null;
    const newItem = () => { item = this.doc.createElement('li'); list.append(item); return item; };
    for (const child of Array.from(el.childNodes)) {
      const name = child.nodeType === ELEMENT ? nameOf(child as Element) : '';
      if (name === 'li') this.listItem(child as Element, newItem());
      else if (name === 'ul' || name === 'ol') (item ?? newItem()).append(this.list(child as Element, name));
      else if (name || /\S/.test(child.nodeValue ?? '')) this.inline(child, item ?? newItem(), false);
    }
    return list;
  }

  private listItem(src: Element, li: HTMLElement): void {
    for (const child of Array.from(src.childNodes)) {
      const name = child.nodeType === ELEMENT ? nameOf(child as Element) : '';
      if (name === 'ul' || name === 'ol') li.append(this.list(child as Element, name));
      else this.inline(child, li, false);
    }
  }

  /** A Word/WPS list paragraph: an item of the open list of its level, nesting deeper levels. */
  private wordListItem(el: Element, level: number, into: HTMLElement): void {
    this.pending = null;
    const marker = Array.from(el.querySelectorAll('span')).find(isListMarker)?.textContent?.trim() ?? '';
    const tag = ORDERED_MARKER.test(marker) ? 'ol' : 'ul';
    while (this.lists.length > 0 && this.lists.at(-1)!.level > level) this.lists.pop();
    const top = this.lists.at(-1);
    if (top?.level === level && nameOf(top.list) !== tag) this.lists.pop();
    if (this.lists.at(-1)?.level !== level) {
      const list = this.doc.createElement(tag);
      const parent = this.lists.at(-1)?.list.lastElementChild as HTMLElement | null | undefined;
      (parent ?? into).append(list);
      this.lists.push({ level, list });
    }
    const li = this.doc.createElement('li');
    this.lists.at(-1)!.list.append(li);
    this.inlineChildren(el, li, false);
  }

  private inlineChildren(src: Node, into: HTMLElement, keepMarkers: boolean): void {
    for (const child of Array.from(src.childNodes)) this.inline(child, into, keepMarkers);
  }

  private inline(node: Node, into: HTMLElement, keepMarkers: boolean): void {
    if (node.nodeType === TEXT) { into.append(this.doc.createTextNode(node.nodeValue ?? '')); return; }
    if (node.nodeType !== ELEMENT) return;
    const el = node as Element;
    const tag = nameOf(el);
    if (isSkipped(el, tag)) return;
    if (isListMarker(el)) {
      const marker = (el.textContent ?? '').replace(/[\s\u00a0]+$/, '');
      if (keepMarkers && marker) into.append(this.doc.createTextNode(WIDE.test(marker.at(-1)!) ? marker : `${marker} `));
      return;
    }
    if (tag === 'br') { into.append(this.doc.createElement('br')); return; }
    if (el.matches(BLOCK_SELECTOR)) {
      // A block inside a block (p in li, div in h1): keep the line apart.
      if (into.textContent?.trim()) into.append(this.doc.createElement('br'));
      this.inlineChildren(el, into, keepMarkers);
      return;
    }
    let inner = into;
    for (const f of formatsOf(el, tag)) {
      const wrap = this.doc.createElement(f);
      if (f === 'a') wrap.setAttribute('href', safeHref(el)!);
      inner.append(wrap);
      inner = wrap;
    }
    this.inlineChildren(el, inner, keepMarkers);
  }
}

/** Joins adjacent runs of the same format (Word splits one bold phrase into many <b>). */
function mergeRuns(el: Element): void {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    let next = child.nextSibling;
    while (next && next.nodeType === ELEMENT && nameOf(next as Element) === nameOf(child) && nameOf(child) !== 'br'
      && (next as Element).getAttribute('href') === child.getAttribute('href')) {
      child.append(...Array.from(next.childNodes));
      next.remove();
      next = child.nextSibling;
    }
    mergeRuns(child);
  }
}

/** Collapses whitespace as a browser would show it, but never a full-width space (U+3000). */
function tidyWhitespace(block: Element): void {
  const items: Node[] = [];
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === TEXT || c.nodeName === 'BR') items.push(c);
      else if (c.nodeType === ELEMENT && !/^(UL|OL)$/.test(c.nodeName)) walk(c);
    }
  };
  walk(block);
  const texts = items.map((n) => (n.nodeType === TEXT ? (n.nodeValue ?? '').replace(/\r\n?/g, '\n') : null));
  let last = ''; // the last character kept, '' at the start of a line
  texts.forEach((t, i) => {
    if (t === null) { last = ''; return; }
    let out = '';
    for (let k = 0; k < t.length; k++) {
      if (!/[ \t\n]/.test(t[k]!)) { out += t[k]; last = t[k]!; continue; }
      let run = '';
      while (k < t.length && /[ \t\n]/.test(t[k]!)) run += t[k++];
      k--;
      const after = t.slice(k + 1).replace(/^[ \t\n]+/, '')[0] ?? firstCharAfter(texts, i);
      if (last === '' || last === ' ' || after === '' || (run.includes('\n') && WIDE.test(last) && WIDE.test(after))) continue;
      out += ' ';
      last = ' ';
    }
    (items[i] as Text).nodeValue = out;
  });
  // Word pads line ends with &nbsp;; a block never starts or ends with a space.
  const kept = items.filter((n) => n.nodeType !== TEXT || n.nodeValue);
  const first = kept[0];
  const end = kept.at(-1);
  if (first?.nodeType === TEXT) first.nodeValue = first.nodeValue!.replace(/^[ \u00a0]+/, '');
  if (end?.nodeType === TEXT) end.nodeValue = end.nodeValue!.replace(/[ \u00a0]+$/, '');
}

function firstCharAfter(texts: (string | null)[], i: number): string {
  for (const t of texts.slice(i + 1)) {
    if (t === null) return '';
    const s = t.replace(/^[ \t\n]+/, '');
    if (s) return s[0]!;
  }
  return '';
}

function tidy(body: HTMLElement): void {
  const blocks = Array.from(body.querySelectorAll(BLOCKS_OUT));
  for (const b of blocks) {
    mergeRuns(b);
    b.normalize();
    tidyWhitespace(b);
    for (const e of Array.from(b.querySelectorAll('strong,em,sub,sup,a')).reverse()) if (!e.textContent) e.remove();
    while (b.firstChild?.nodeName === 'BR' || (b.firstChild?.nodeType === TEXT && !b.firstChild.nodeValue)) b.firstChild.remove();
    while (b.lastChild?.nodeName === 'BR' || (b.lastChild?.nodeType === TEXT && !b.lastChild.nodeValue)) b.lastChild.remove();
  }
  // Blank blocks go (Word's empty paragraphs); a list item that only holds a sublist stays.
  for (const b of blocks.reverse()) if (!/\S/.test(b.textContent ?? '')) b.remove();
  for (const l of Array.from(body.querySelectorAll('ul,ol')).reverse()) if (!l.querySelector('li')) l.remove();
  // A bold run that opens a body paragraph, with copy after it, is the paragraph's lead-in.
  for (const p of Array.from(body.children)) {
    const first = p.firstChild;
    if (p.localName === 'p' && !p.className && first?.nodeName === 'STRONG' && /\S/.test((p.textContent ?? '').slice(first.textContent!.length))) {
      (first as Element).className = 'lead-in';
    }
  }
}

/** A cleaned copy of `source` (a document from DOMParser): see the comment at the top. */
export function sanitizeDocument(source: Document): Document {
  const out = source.implementation.createHTMLDocument('');
  if (source.body) new Cleaner(out).blocks(source.body, out.body);
  tidy(out.body);
  return out;
}

export function sanitizeClipboardHtml(html: string, parser: DOMParser = new DOMParser()): Document {
  // DOMParser documents are inert: no script runs and no image loads while we read it.
  return sanitizeDocument(parser.parseFromString(defuseAttributes(html), 'text/html'));
}

/**
 * Plain text as paragraphs. Text with blank lines is hard-wrapped prose (mail, Markdown):
 * blank lines end paragraphs and single line ends join, with no space between Chinese
 * characters. Text without blank lines (a chat, a list of lines) keeps each line apart.
 */
export function plainTextParagraphs(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/^\s*\n|\n\s*$/g, '').split('\n');
  const blank = (l: string) => !/\S/.test(l);
  const prose = lines.some(blank);
  const chunks: string[][] = prose ? [[]] : lines.map((l) => [l]);
  if (prose) {
    for (const l of lines) {
      if (blank(l)) chunks.push([]);
      else chunks.at(-1)!.push(l);
    }
  }
  const join = (acc: string, line: string) => {
    const prev = acc.replace(/ +$/, '');
    const next = line.replace(/^ +/, '');
    return !prev ? next : WIDE.test(prev.at(-1)!) && WIDE.test(next[0] ?? '') ? prev + next : `${prev} ${next}`;
  };
  // ASCII spaces at the ends go; a full-width indent (U+3000) stays.
  return chunks.map((c) => c.reduce(join, '').replace(/^ +| +$/g, '')).filter((p) => /\S/.test(p));
}
