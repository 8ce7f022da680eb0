import type { Edition, Page, Photo } from '../document/schema';
import type { PrintReport } from './report';

// The preflight before export (issue 5): what would make the printed page wrong, read
// from the print route's report of the real rendering. Pure: the composer runs it live,
// the export services run it before writing files.

export const PREFLIGHT_IDS = [
  'overset', 'underset', 'placeholder', 'photo-empty', 'credits-empty', 'low-ppi', 'no-caption', 'no-credit', 'empty-frame', 'missing-glyph', 'proof-open', 'untranslated',
] as const;
export type PreflightId = (typeof PREFLIGHT_IDS)[number];
export type Severity = 'error' | 'warning';

export interface PreflightFinding {
  id: PreflightId;
  severity: Severity;
  pageId?: string;
  blockId?: string;
  /** Values for the message templates (preflight-messages.ts) and for the UI. */
  params: Record<string, string | number>;
}

/** Code-point ranges per bundled font family: resources/fonts/coverage.json. */
export type GlyphCoverage = Record<string, readonly (readonly [number, number])[]>;

export interface PreflightInput {
  edition: Edition;
  pages: Page[];
  report: PrintReport;
  coverage: GlyphCoverage;
  /** Open findings of the proofreader (issue 6), when known. */
  openProofFindings?: number;
  /** A thread short by more lines than this is reported (差 N 行); default UNDERSET_LINES. */
  undersetLines?: number;
}

/**
 * 差 1–3 行 is closed on the stone with a line of spacing or a longer head; more leaves a
 * white hole at the foot of the copy that the layout must fix.
 */
export const UNDERSET_LINES = 3;

/** Below this a photo prints soft (newsprint at 100 lpi wants about 2 × lpi). */
export const MIN_PPI = 200;
/** How many missing characters one finding lists. */
const MAX_LISTED_CHARS = 40;

/**
 * Pixels per inch the photo delivers at its placed size: the visible share of its pixels
 * over the box's size in inches. The lower of the two axes counts.
 */
export function effectivePpi(photo: Pick<Photo['asset'], 'width' | 'height'>, placed: { widthMm: number; heightMm: number; visibleW: number; visibleH: number }): number {
  const x = placed.widthMm > 0 ? (photo.width * placed.visibleW) / (placed.widthMm / 25.4) : Infinity;
  const y = placed.heightMm > 0 ? (photo.height * placed.visibleH) / (placed.heightMm / 25.4) : Infinity;
  return Math.min(x, y);
}

/** Every range of every family, merged and sorted, for a binary search. */
export function mergeCoverage(coverage: GlyphCoverage): [number, number][] {
  const all = Object.values(coverage).flatMap((ranges) => ranges.map(([a, b]) => [a, b] as [number, number]));
  all.sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function covered(ranges: readonly [number, number][], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

// Whitespace, controls and invisible format characters (ZWSP, ZWJ, BOM…) draw no glyph.
const INVISIBLE = /^[\s\p{Cc}\p{Cf}]$/u;

/** Characters of `chars` that no bundled family covers, each once, in first-seen order. */
export function missingGlyphs(chars: string, coverage: GlyphCoverage): string[] {
  const ranges = mergeCoverage(coverage);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ch of chars) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    if (INVISIBLE.test(ch)) continue;
    if (!covered(ranges, ch.codePointAt(0)!)) out.push(ch);
  }
  return out;
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function preflight(input: PreflightInput): PreflightFinding[] {
  const { edition, report } = input;
  const findings: PreflightFinding[] = [];
  const photos = new Map(edition.photos.map((p) => [p.id, p]));
  const blocks = new Map(input.pages.flatMap((pg) => pg.blocks.map((b) => [b.id, b] as const)));
  const captionLang = report.lang;
  const limit = input.undersetLines ?? UNDERSET_LINES;

  for (const page of report.pages) {
    const at = { pageId: page.id };
    for (const f of page.frames) {
      if (!f.last) continue;
      if (f.status === 'over') {
        findings.push({ id: 'overset', severity: 'error', ...at, blockId: f.blockId, params: { page: page.number, story: f.storyId, over: f.overChars, lines: f.lines } });
      } else if (f.status === 'short' && f.lines > limit) {
        findings.push({ id: 'underset', severity: 'warning', ...at, blockId: f.blockId, params: { page: page.number, story: f.storyId, lines: f.lines, limit } });
      }
    }
    // Template words (主标题, "Deck in English") would print as if they were the headline.
    for (const p of page.placeholders ?? []) {
      findings.push({ id: 'placeholder', severity: 'error', ...at, blockId: p.blockId, params: { page: page.number, kind: blocks.get(p.blockId)?.kind ?? 'block', text: p.text } });
    }
    for (const placed of page.photos) {
      const photo = photos.get(placed.photoId);
      if (!photo) continue; // a frame whose photo left the edition reports itself as empty
      const name = photo.asset.file.replace(/^assets\//, '');
      const where = { ...at, blockId: placed.blockId };
      const ppi = effectivePpi(photo.asset, placed);
      if (Number.isFinite(ppi) && ppi < MIN_PPI) {
        findings.push({ id: 'low-ppi', severity: 'warning', ...where, params: { page: page.number, photo: name, photoId: photo.id, ppi: Math.floor(ppi) } });
      }
      if (photo.meta.caption[captionLang].trim() === '') {
        findings.push({ id: 'no-caption', severity: 'warning', ...where, params: { page: page.number, photo: name, photoId: photo.id, lang: captionLang } });
      }
      if (photo.meta.creator.trim() === '' && photo.meta.credit.trim() === '') {
        findings.push({ id: 'no-credit', severity: 'warning', ...where, params: { page: page.number, photo: name, photoId: photo.id } });
      }
    }
    // The English version of a page still showing Chinese where nobody wrote the English.
    for (const blockId of page.untranslated ?? []) {
      findings.push({ id: 'untranslated', severity: 'warning', ...at, blockId, params: { page: page.number, kind: blocks.get(blockId)?.kind ?? 'block' } });
    }
    for (const blockId of page.emptyBlocks) {
      const kind = blocks.get(blockId)?.kind ?? 'block';
      // A photo frame without a photo prints as a hole in the page; an empty credits block
      // prints nothing, but a feature page without its bylines is not finished.
      if (kind === 'photo') findings.push({ id: 'photo-empty', severity: 'error', ...at, blockId, params: { page: page.number } });
      else if (kind === 'credits') findings.push({ id: 'credits-empty', severity: 'warning', ...at, blockId, params: { page: page.number } });
      else findings.push({ id: 'empty-frame', severity: 'warning', ...at, blockId, params: { page: page.number, kind } });
    }
  }

  const missing = missingGlyphs(report.chars, input.coverage);
  if (missing.length > 0) {
    // An error: the browser would draw these from a system font, which the PDF must not carry.
    const listed = missing.slice(0, MAX_LISTED_CHARS).map((ch) => `${ch} (${codePoint(ch)})`).join(' ');
    findings.push({ id: 'missing-glyph', severity: 'error', params: { count: missing.length, chars: missing.length > MAX_LISTED_CHARS ? `${listed} …` : listed } });
  }
  if (input.openProofFindings !== undefined && input.openProofFindings > 0) {
    findings.push({ id: 'proof-open', severity: 'warning', params: { count: input.openProofFindings } });
  }
  return findings;
}
