import type { FlowPara } from './flow-content';
import { paraText } from './flow-content';

// A first guess at how many lines a story takes in a column, before anything is
// rendered: the sample edition and templates size their story frames with it, and the
// real copyfit (measured in the rendering) then says how close the guess was.
// Chinese body copy sets one character per em; Latin runs about two letters per em.

export const BODY_PT = 9.5;
export const LEADING_PT = 15;
const MM_PER_PT = 25.4 / 72;

function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0020-\u024f]/.test(ch) ? 0.5 : 1;
  return n;
}

/** Lines the copy needs in a column `columnMm` wide. */
export function estimateLines(content: FlowPara[], columnMm: number): number {
  const perLine = Math.max(1, Math.floor(columnMm / (BODY_PT * MM_PER_PT)));
  let lines = 0;
  for (const p of content) {
    const text = paraText(p);
    if (p.kind === 'h1') lines += Math.ceil(ems(text) / Math.floor(perLine * 9.5 / 12)) * (18 / 15) + 0.4;
    else if (p.kind === 'h2' || p.kind === 'h3') lines += Math.ceil(ems(text) / Math.floor(perLine * 9.5 / 10.5)) + 0.2;
    else lines += Math.ceil((ems(text) + (p.kind === 'p' ? 2 : 0)) / perLine);
  }
  return lines;
}

/** Frame height (mm) for `lines` lines per column. */
export function heightForLines(lines: number): number {
  return Math.ceil(lines * LEADING_PT * MM_PER_PT + 0.5);
}
