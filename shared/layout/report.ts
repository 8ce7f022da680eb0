// What a laid-out page says about itself: the print route (renderer/print.html) and the
// composer both produce it from the real rendering with the real fonts, and the preflight
// and the export services read it. Pure data, no DOM.

export type FitStatus = 'fit' | 'over' | 'short' | 'empty';

/** The copyfit of one story thread, reported on its last frame. */
export interface FrameFit {
  blockId: string;
  storyId: string;
  /** Index of this frame in its story's thread (0 = first). */
  threadIndex: number;
  /** Last frame of the thread: the only one whose status counts. */
  last: boolean;
  status: FitStatus;
  /** Characters (countCopy 字) that did not fit, when status is 'over'. */
  overChars: number;
  /** Lines that did not fit, when 'over'; lines left empty, when 'short'. */
  lines: number;
  /** The thread goes on (下转) on, or came (上接) from, another page: its number. */
  nextPage?: number;
  prevPage?: number;
}

export interface PlacedPhoto {
  blockId: string;
  photoId: string;
  /** The photo's visible box on the page, after crop and zoom. */
  widthMm: number;
  heightMm: number;
  /** Fraction of the photo's pixel width/height that is visible (1 = uncropped). */
  visibleW: number;
  visibleH: number;
}

export interface PageReport {
  id: string;
  number: number;
  frames: FrameFit[];
  photos: PlacedPhoto[];
  /** Blocks that show nothing: story frames no copy reached, photo frames without a photo, empty text blocks. */
  emptyBlocks: string[];
  /** On an English page: blocks that show Chinese because no English was written (stories without an English version, text blocks without English text). */
  untranslated?: string[];
  /** Text blocks still showing a template's placeholder words (placeholder.ts), with those words. */
  placeholders?: { blockId: string; text: string }[];
}

export interface PrintReport {
  pageSizeMm: { width: number; height: number };
  bleedMm: number;
  lang: 'zh' | 'en';
  pages: PageReport[];
  /** Every distinct character drawn, for the missing-glyph check. */
  chars: string;
}

/** How the print route is asked for pages (query string of print.html). */
export interface PrintRequest {
  edition: string;
  /** Page ids; empty = all pages in edition order. */
  pages: string[];
  lang: 'zh' | 'en';
  bleedMm: number;
  marks: boolean;
}

// Hand-rolled query strings: shared/ has no DOM or Node, so no URLSearchParams.
export function printQuery(r: PrintRequest): string {
  const q: Array<[string, string]> = [['edition', r.edition], ['pages', r.pages.join(',')], ['lang', r.lang], ['bleed', String(r.bleedMm)], ['marks', r.marks ? '1' : '0']];
  return `print.html?${q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export function parsePrintQuery(search: string): PrintRequest {
  const q = new Map<string, string>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    try { q.set(part.slice(0, eq), decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '))); } catch { /* a malformed escape leaves that key unset */ }
  }
  const bleed = Number(q.get('bleed') ?? '0');
  return {
    edition: q.get('edition') ?? '',
    pages: (q.get('pages') ?? '').split(',').filter(Boolean),
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
    bleedMm: Number.isFinite(bleed) && bleed >= 0 && bleed <= 20 ? bleed : 0,
    marks: q.get('marks') === '1',
  };
}
