// Sentence-level precision and recall of a linear candidate score at every threshold at once
// (issue 14's ranker search, bench/csc-rank.ts): per sentence, the best score at each
// position decides; a sentence is flagged from threshold t when its top position scores ≥ t,
// and detected exactly when every error position scores ≥ t and no other does, so each
// sentence contributes two intervals of t and a whole curve costs one pass.
import { scoreOf, type TypoCandidate } from '../shared/proof/csc/detect';

export interface Sentence { cands: TypoCandidate[]; wrong: readonly number[] }
/** For each sentence: the highest score (flagged below it) and the detected interval (lo, hi]. */
export interface Spans { top: Float64Array; lo: Float64Array; hi: Float64Array; withErrors: number }

export function spansOf(sentences: readonly Sentence[], w: readonly number[]): Spans {
  const n = sentences.length;
  const top = new Float64Array(n).fill(-Infinity), lo = new Float64Array(n), hi = new Float64Array(n);
  let withErrors = 0;
  sentences.forEach((s, k) => {
    const best = new Map<number, number>();
    for (const c of s.cands) { const v = scoreOf(c.features, w); if (v > (best.get(c.at) ?? -Infinity)) best.set(c.at, v); }
    let other = -Infinity, minErr = Infinity;
    for (const [at, v] of best) { top[k] = Math.max(top[k]!, v); if (!s.wrong.includes(at)) other = Math.max(other, v); }
    if (s.wrong.length) { withErrors++; for (const at of s.wrong) minErr = Math.min(minErr, best.get(at) ?? -Infinity); }
    else minErr = -Infinity;
    lo[k] = other; hi[k] = minErr;
  });
  return { top, lo, hi, withErrors };
}

/** Detection precision and recall at threshold t. */
export function pointAt(sp: Spans, t: number): { P: number; R: number; flagged: number } {
  let flagged = 0, detected = 0;
  for (let k = 0; k < sp.top.length; k++) {
    if (sp.top[k]! < t) continue;
    flagged++;
    if (sp.lo[k]! < t && sp.hi[k]! >= t) detected++;
  }
  return { P: flagged ? detected / flagged : 0, R: sp.withErrors ? detected / sp.withErrors : 0, flagged };
}

/** The best precision at recall ≥ r0 over all thresholds (the sentences' own scores as candidates), and that threshold. */
export function precisionAtRecall(sp: Spans, r0: number): { P: number; R: number; t: number } {
  const ts = [...new Set([...sp.top, ...sp.hi].filter((t) => Number.isFinite(t)))].sort((a, b) => b - a);
  let best = { P: 0, R: 0, t: Infinity };
  for (const t of ts) {
    const p = pointAt(sp, t);
    if (p.R >= r0 && p.P > best.P) best = { ...p, t };
  }
  return best;
}
