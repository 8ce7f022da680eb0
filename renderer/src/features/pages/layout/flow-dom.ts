import type { FlowPara, FlowPos, FlowRun } from '../../../../../shared/layout/flow-content';
import { contentFrom, countFrom } from '../../../../../shared/layout/flow-content';
import type { FitStatus } from '../../../../../shared/layout/report';
import { latinHeavy } from '../../../../../shared/layout/latin-heavy';

// The flow engine: sets a story's copy into its frames in thread order, each frame a CSS
// multi-column box of fixed height. After a frame is set, the first character drawn
// outside the frame (in the overflow columns to its right, or below it) is where the
// copy really breaks; the frame is cut there and the next frame starts from it. The last
// frame's leftover is the overset. Measured in the live layout, with the real fonts, so
// the composer, the copyfit and the printed PDF break at the same character.

export interface FrameResult {
  start: FlowPos;
  /** Where the next frame starts; null when the copy ended in this frame. */
  end: FlowPos | null;
  status: FitStatus;
  overChars: number;
  lines: number;
}

export interface FlowOptions {
  photoUrl(photoId: string): string;
}

const TOL = 0.5;

function runEl(doc: Document, r: FlowRun): Node {
  if (r.br) {
    // A preserved newline, not <br>: keeps one text character per character of copy.
    const s = doc.createElement('span');
    s.className = 'fbr';
    s.textContent = '\n';
    return s;
  }
  let node: Node = doc.createTextNode(r.text);
  const wrap = (tag: string, cls?: string) => {
    const el = doc.createElement(tag);
    if (cls) el.className = cls;
    el.appendChild(node);
    node = el;
  };
  if (r.sub) wrap('sub');
  if (r.sup) wrap('sup');
  if (r.italic) wrap('em');
  if (r.bold || r.leadIn) wrap('strong', r.leadIn ? 'lead-in' : undefined);
  return node;
}

const TAGS: Record<FlowPara['kind'], string> = {
  p: 'p', h1: 'h3', h2: 'h4', h3: 'h5', kicker: 'p', headline: 'p', deck: 'p', quote: 'blockquote', li: 'p', figure: 'figure', credits: 'dl',
};

export function paraEl(doc: Document, p: FlowPara, index: number, continued: boolean, opts: FlowOptions): HTMLElement {
  const el = doc.createElement(TAGS[p.kind]);
  el.className = `fp fp-${p.kind}${continued ? ' cont' : ''}`;
  el.dataset['para'] = String(index);
  if (p.kind === 'figure') {
    const img = doc.createElement('img');
    img.src = opts.photoUrl(p.photoId ?? '');
    img.alt = p.caption ?? '';
    const cap = doc.createElement('figcaption');
    cap.textContent = p.caption ?? '';
    el.append(img, cap);
    return el;
  }
  if (p.kind === 'credits') {
    for (const c of p.credits ?? []) {
      const row = doc.createElement('div');
      const dt = doc.createElement('dt');
      dt.textContent = c.role;
      const dd = doc.createElement('dd');
      dd.textContent = c.names.join(' ');
      row.append(dt, dd);
      el.appendChild(row);
    }
    return el;
  }
  if (p.kind === 'li') {
    const mark = doc.createElement('span');
    mark.className = 'li-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.dataset['mark'] = p.number ? `${p.number}.` : '•';
    el.appendChild(mark);
  }
  for (const r of p.runs) el.appendChild(runEl(doc, r));
  // English-heavy paragraphs take the house style's autospace (issue 17, page.css).
  if (latinHeavy(p.runs.map((r) => r.text).join(''))) el.classList.add('latin-heavy');
  return el;
}

/** Fills `box` with the copy from `start` on. */
export function setCopy(box: HTMLElement, content: FlowPara[], start: FlowPos, opts: FlowOptions): void {
  const doc = box.ownerDocument;
  const frag = doc.createDocumentFragment();
  contentFrom(content, start).forEach((p, i) => frag.appendChild(paraEl(doc, p, start.para + i, i === 0 && start.offset > 0, opts)));
  box.replaceChildren(frag);
}

function textNodes(el: Node): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument!.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // List marks are drawn by CSS from data-mark, so every text node here is copy.
    out.push(n as Text);
  }
  return out;
}

interface Box { right: number; bottom: number }

function rectOutside(r: DOMRect, box: Box): boolean {
  return r.left >= box.right - TOL || r.top >= box.bottom - TOL;
}

/** Whether the character at `k` of the element's text is drawn outside the frame. */
function charOutside(nodes: Text[], k: number, box: Box, range: Range): boolean {
  let at = k;
  for (const n of nodes) {
    if (at < n.length) {
      range.setStart(n, at);
      range.setEnd(n, Math.min(n.length, at + 1));
      const rects = range.getClientRects();
      const r = rects[rects.length - 1];
      // A collapsed newline has no box of its own: judge it by the character before.
      if (!r || (r.width === 0 && r.height === 0)) return k > 0 ? charOutside(nodes, k - 1, box, range) : false;
      return rectOutside(r, box);
    }
    at -= n.length;
  }
  return true;
}

/**
 * The first position of `box`'s copy drawn outside `frame` (its clip box), or null when all
 * of it is inside. `startOffset` is the offset the first paragraph was cut at.
 */
export function findBreak(box: HTMLElement, frame: DOMRect, startOffset: number): FlowPos | null {
  const limit: Box = { right: frame.right, bottom: frame.bottom };
  const range = box.ownerDocument.createRange();
  const paras = Array.from(box.children) as HTMLElement[];
  for (const el of paras) {
    const index = Number(el.dataset['para']);
    const base = el.classList.contains('cont') ? startOffset : 0;
    const rects = el.getClientRects();
    if (rects.length === 0) continue;
    const last = rects[rects.length - 1]!;
    const first = rects[0]!;
    if (!rectOutside(last, limit) && last.bottom <= limit.bottom + TOL) continue;
    if (rectOutside(first, limit) || el.tagName === 'FIGURE' || el.tagName === 'DL') return { para: index, offset: base };
    const nodes = textNodes(el);
    const total = nodes.reduce((n, t) => n + t.length, 0);
    // Outside-ness only grows along the copy (later characters sit in later columns).
    let lo = 0, hi = total;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (charOutside(nodes, mid, limit, range)) hi = mid; else lo = mid + 1;
    }
    if (lo >= total) continue;
    // A paragraph whose first line did not fit moves whole, as the layout drew it.
    return { para: index, offset: base + lo };
  }
  return null;
}

/** Removes the copy from `at` on (a position inside `box`), keeping the cut line justified. */
export function cutAt(box: HTMLElement, at: FlowPos, startOffset: number): void {
  const paras = Array.from(box.children) as HTMLElement[];
  for (const el of paras) {
    const index = Number(el.dataset['para']);
    if (index < at.para) continue;
    if (index > at.para) { el.remove(); continue; }
    const base = el.classList.contains('cont') ? startOffset : 0;
    let k = at.offset - base;
    if (k <= 0) { el.remove(); continue; }
    const range = box.ownerDocument.createRange();
    for (const n of textNodes(el)) {
      if (k <= n.length) {
        range.setStart(n, k);
        range.setEndAfter(el.lastChild!);
        range.deleteContents();
        break;
      }
      k -= n.length;
    }
    el.classList.add('cut');
  }
}

function lineHeightPx(box: HTMLElement): number {
  const cs = getComputedStyle(box);
  const lh = parseFloat(cs.lineHeight);
  return Number.isFinite(lh) && lh > 0 ? lh : parseFloat(cs.fontSize) * 1.5;
}

/** Empty lines left in a frame whose copy ended: below the last line and in empty columns. */
function shortLines(box: HTMLElement, frame: DOMRect, cols: number, gapPx: number, scale: number): number {
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const lh = lineHeightPx(box) * scale;
  const colW = (frame.width - gapPx * scale * (cols - 1)) / cols;
  const linesPerCol = Math.floor((frame.height + TOL) / lh);
  if (rects.length === 0) return linesPerCol * cols;
  let lastCol = 0, lastBottom = frame.top;
  for (const r of rects) {
    const c = Math.max(0, Math.min(cols - 1, Math.floor((r.left - frame.left + TOL) / (colW + gapPx * scale))));
    if (c > lastCol) { lastCol = c; lastBottom = r.bottom; } else if (c === lastCol) lastBottom = Math.max(lastBottom, r.bottom);
  }
  const below = Math.floor((frame.bottom - lastBottom + TOL) / lh);
  return Math.max(0, below) + (cols - 1 - lastCol) * linesPerCol;
}

/** Lines the leftover copy needs, set in one column of the frame's width. */
function overLines(box: HTMLElement, content: FlowPara[], at: FlowPos, colWidthPx: number, opts: FlowOptions): number {
  const probe = box.cloneNode(false) as HTMLElement;
  probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;height:auto;columns:auto;column-count:auto;width:${colWidthPx}px`;
  box.parentElement!.appendChild(probe);
  setCopy(probe, content, at, opts);
  // offsetHeight is unscaled layout px, like the computed line height.
  const lines = Math.ceil(probe.offsetHeight / lineHeightPx(box) - 0.05);
  probe.remove();
  return Math.max(1, lines);
}

export interface ThreadFrame {
  /** The frame's clip box (the block). */
  frame: HTMLElement;
  /** The multi-column box inside it that holds the copy. */
  box: HTMLElement;
  cols: number;
  gapPx: number;
}

/**
 * Sets a story through its frames. `scale` is the on-screen zoom (getBoundingClientRect is
 * scaled, computed styles are not).
 */
export function flowThread(frames: ThreadFrame[], content: FlowPara[], opts: FlowOptions, scale = 1): FrameResult[] {
  const results: FrameResult[] = [];
  let pos: FlowPos | null = { para: 0, offset: 0 };
  frames.forEach((f, i) => {
    const last = i === frames.length - 1;
    if (!pos || pos.para >= content.length) {
      f.box.replaceChildren();
      results.push({ start: pos ?? { para: content.length, offset: 0 }, end: null, status: 'empty', overChars: 0, lines: 0 });
      pos = null;
      return;
    }
    const start: FlowPos = pos;
    setCopy(f.box, content, start, opts);
    // The copy's own box: a jump line (下转/上接) may take a line of the frame above or below it.
    const rect = f.box.getBoundingClientRect();
    const brk = findBreak(f.box, rect, start.offset);
    if (!brk) {
      const lines = last ? shortLines(f.box, rect, f.cols, f.gapPx, scale) : 0;
      results.push({ start, end: null, status: last && lines >= 1 ? 'short' : 'fit', overChars: 0, lines: last ? lines : 0 });
      pos = null;
      return;
    }
    if (last) {
      const colW = (rect.width / scale - f.gapPx * (f.cols - 1)) / f.cols;
      const lines = overLines(f.box, content, brk, colW, opts);
      const overChars = countFrom(content, brk);
      cutAt(f.box, brk, start.offset);
      results.push({ start, end: brk, status: 'over', overChars, lines });
      return;
    }
    cutAt(f.box, brk, start.offset);
    results.push({ start, end: brk, status: 'fit', overChars: 0, lines: 0 });
    pos = brk;
  });
  return results;
}
