import { FORMAT } from '../../../shared/document/lexical-state';
import { isW, wAttr, wChild, wChildren, wOn } from './docx-package';

// What a paragraph's style says about its role. Style ids are localized (Word in German
// writes "berschrift1", WPS in Chinese "1"), so roles come from the style's w:name, which
// Word keeps in English for built-in styles ("heading 1", "Title"), then from an outline
// level, then from the style it is based on.

export type ParagraphRole = { kind: 'heading'; level: number } | { kind: 'headline' | 'deck' | 'kicker' | 'quote' } | null;

const QUOTE_NAMES = new Set(['quote', 'intense quote', 'pull quote', 'block quote', 'block text', '引用', '明显引用']);

function roleFromName(raw: string): ParagraphRole {
  const n = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const h = /^(?:heading|标题) ?([1-9])$/.exec(n);
  if (h) return { kind: 'heading', level: Number(h[1]) };
  if (n === 'title' || n === '标题') return { kind: 'headline' };
  if (n === 'subtitle' || n === '副标题' || n === 'deck') return { kind: 'deck' };
  if (n === 'kicker' || n === '引题') return { kind: 'kicker' };
  if (QUOTE_NAMES.has(n)) return { kind: 'quote' };
  return null;
}

interface Style { id: string; type: string; name: string; basedOn: string | null; pPr: Element | null; rPr: Element | null }

export interface NumberingRef { numId: string; ilvl: number }

export class DocxStyles {
  private readonly byId = new Map<string, Style>();
  private readonly defaultParagraph: string | null = null;
  private readonly defaultSize: number | null = null;
  private readonly ordered = new Map<string, boolean>();

  constructor(styles: Document | null, numbering: Document | null) {
    const root = styles?.documentElement;
    if (root) {
      for (const el of wChildren(root)) {
        if (isW(el, 'docDefaults')) {
          this.defaultSize = halfPoints(wChild(wChild(wChild(el, 'rPrDefault'), 'rPr'), 'sz'));
        } else if (isW(el, 'style')) {
          const id = wAttr(el, 'styleId') ?? '';
          const type = wAttr(el, 'type') ?? 'paragraph';
          this.byId.set(id, {
            id, type, name: wAttr(wChild(el, 'name')) ?? id, basedOn: wAttr(wChild(el, 'basedOn')),
            pPr: wChild(el, 'pPr'), rPr: wChild(el, 'rPr'),
          });
          if (type === 'paragraph' && /^(1|true|on)$/i.test(wAttr(el, 'default') ?? '')) this.defaultParagraph = id;
        }
      }
    }
    if (numbering?.documentElement) this.readNumbering(numbering.documentElement);
  }

  private readNumbering(root: Element): void {
    const abstract = new Map<string, Element>();
    for (const el of wChildren(root)) if (isW(el, 'abstractNum')) abstract.set(wAttr(el, 'abstractNumId') ?? '', el);
    for (const el of wChildren(root)) {
      if (!isW(el, 'num')) continue;
      const abs = abstract.get(wAttr(wChild(el, 'abstractNumId')) ?? '');
      for (const lvl of abs ? wChildren(abs) : []) {
        if (!isW(lvl, 'lvl')) continue;
        const fmt = wAttr(wChild(lvl, 'numFmt')) ?? 'decimal';
        this.ordered.set(`${wAttr(el, 'numId')}:${wAttr(lvl, 'ilvl') ?? '0'}`, fmt !== 'bullet' && fmt !== 'none');
      }
    }
  }

  /** The style and those it is based on, nearest first (cycles cut). */
  private chain(id: string | null): Style[] {
    const out: Style[] = [];
    let s = id !== null ? this.byId.get(id) : undefined;
    while (s && out.length < 12 && !out.includes(s)) {
      out.push(s);
      s = s.basedOn ? this.byId.get(s.basedOn) : undefined;
    }
    return out;
  }

  paragraphRole(styleId: string | null, outlineLevel: number | null): ParagraphRole {
    if (outlineLevel !== null && outlineLevel < 9) return { kind: 'heading', level: outlineLevel + 1 };
    const id = styleId ?? this.defaultParagraph;
    if (id === null) return null;
    const chain = this.chain(id);
    if (chain.length === 0) return roleFromName(id); // no styles.xml: the id is all we have
    for (const s of chain) {
      const byName = roleFromName(s.name);
      if (byName) return byName;
      const lvl = Number(wAttr(wChild(s.pPr, 'outlineLvl')) ?? NaN);
      if (lvl >= 0 && lvl < 9) return { kind: 'heading', level: lvl + 1 };
    }
    return null;
  }

  /** The paragraph style's font size in half-points (what a "small" run is smaller than). */
  baseSize(styleId: string | null): number | null {
    for (const s of this.chain(styleId ?? this.defaultParagraph)) {
      const sz = halfPoints(wChild(s.rPr, 'sz'));
      if (sz !== null) return sz;
    }
    return this.defaultSize;
  }

  /**
   * Format bits a character style gives its runs (Strong → bold, footnote refs →
   * superscript). Underline is left out: the Hyperlink style underlines every link.
   */
  characterFormat(styleId: string | null): number {
    let f = 0;
    for (const s of this.chain(styleId).reverse()) f = applyRunProps(f, s.rPr);
    return f & (FORMAT.bold | FORMAT.italic | FORMAT.subscript | FORMAT.superscript);
  }

  paragraphNumbering(styleId: string | null): NumberingRef | null {
    for (const s of this.chain(styleId)) {
      const ref = numberingRef(wChild(s.pPr, 'numPr'));
      if (ref) return ref;
    }
    return null;
  }

  isOrdered(ref: NumberingRef): boolean {
    return this.ordered.get(`${ref.numId}:${ref.ilvl}`) ?? this.ordered.get(`${ref.numId}:0`) ?? false;
  }
}

export function halfPoints(el: Element | null): number | null {
  const v = Number(wAttr(el));
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function numberingRef(numPr: Element | null): NumberingRef | null {
  const numId = wAttr(wChild(numPr, 'numId'));
  // numId 0 removes numbering (§17.9.19).
  if (!numId || numId === '0') return null;
  return { numId, ilvl: Number(wAttr(wChild(numPr, 'ilvl')) ?? 0) || 0 };
}

/** Bold, italic, strike, underline and vertAlign of an rPr on top of `format`. */
export function applyRunProps(format: number, rPr: Element | null): number {
  if (!rPr) return format;
  let f = format;
  const toggle = (name: string, bit: number) => {
    const el = wChild(rPr, name);
    if (el) f = wOn(el) ? f | bit : f & ~bit;
  };
  toggle('b', FORMAT.bold);
  toggle('i', FORMAT.italic);
  toggle('strike', FORMAT.strikethrough);
  toggle('dstrike', FORMAT.strikethrough);
  toggle('u', FORMAT.underline);
  const va = wAttr(wChild(rPr, 'vertAlign'));
  if (va) {
    f &= ~(FORMAT.subscript | FORMAT.superscript);
    if (va === 'subscript') f |= FORMAT.subscript;
    if (va === 'superscript') f |= FORMAT.superscript;
  }
  return f;
}
