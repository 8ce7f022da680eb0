import type { HouseTerm } from '../types';
import type { CscModel } from './model';
import { bestSplit, splitScore } from './segment';

// 错别字 by statistics (issue 14): a character is suspect when it stands outside any known
// word (or in a rare one), or is one that writers are known to confuse; a confusable
// character (same or near sound, similar shape) is tried in its place, and the character is
// reported when the text becomes markedly more probable: the best word segmentation of
// the few characters around it (jieba's word frequencies), the character bigrams around
// it, and how often the pair is confused (SIGHAN-15 TRAIN). Names, places and house terms
// are left alone.

export type TypoLevel = 'off' | 'normal' | 'strict';

export interface TypoWeights {
  /** Weight of the character-bigram context gain. */
  bigram: number;
  /** Weight of ln(1 + times the pair was confused in TRAIN). */
  pair: number;
}

/** Tuned on SIGHAN-15's TRAIN split (bench/csc-sighan.ts), never on TEST. */
export const TYPO_WEIGHTS: TypoWeights = { bigram: 1, pair: 1 };
export const TYPO_THRESHOLDS = { normal: 7.5, strict: 5 } as const;

export interface TypoHit {
  /** Offset of the suspect character in the text. */
  at: number;
  fix: string;
  /** Total score gain with the fix (ln units). */
  gain: number;
  /** ln P of the window's best segmentation as written and with the fix. */
  lmBefore: number;
  lmAfter: number;
  /** The window as written and with the fix (the evidence shown). */
  before: string;
  after: string;
}

/** Characters on each side of the suspect that the comparison looks at. */
const WINDOW = 2;
/** A word rarer than this (ln P) does not vouch for its characters. */
const RARE_WORD = -16;

const HAN_RUN = /\p{Script=Han}+/gu;

/** Offsets covered by a house term in any of its forms: never reported. */
function protectedSpans(text: string, terms: readonly HouseTerm[] | undefined): Uint8Array {
  const out = new Uint8Array(text.length);
  for (const term of terms ?? []) {
    for (const form of [term.preferred, ...term.variants, ...(term.accepted ?? [])]) {
      if (!form) continue;
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) out.fill(1, i, i + form.length);
    }
  }
  return out;
}

/** Suspect characters of one text with their best fix, scoring at or above `threshold`. */
export function detectTypos(model: CscModel, text: string, threshold: number, terms?: readonly HouseTerm[], weights: TypoWeights = TYPO_WEIGHTS): TypoHit[] {
  const hits: TypoHit[] = [];
  const guarded = protectedSpans(text, terms);
  for (const m of text.matchAll(HAN_RUN)) {
    const from = m.index;
    const run = m[0];
    if (run.length < 2) continue;
    const { ends } = bestSplit(model, run);
    for (let s = 0; s < run.length;) {
      const e = ends[s]! || s + 1;
      const word = run.slice(s, e);
      // A known word vouches for its characters; a name or place is never touched.
      const known = e - s > 1 && (model.logp.get(word) ?? -Infinity) > RARE_WORD;
      if (!model.names.has(word)) {
        for (let i = s; i < e; i++) {
          if (guarded[from + i] || (known && !model.confusedOften.has(run[i]!))) continue;
          const hit = bestFix(model, run, i, weights);
          if (hit && hit.gain >= threshold) hits.push({ ...hit, at: from + i });
        }
      }
      s = e;
    }
  }
  return hits;
}

const ctx = (model: CscModel, l: string, c: string, r: string) =>
  Math.log1p(l ? model.bigrams.get(l + c) ?? 0 : 0) + Math.log1p(r ? model.bigrams.get(c + r) ?? 0 : 0);

function bestFix(model: CscModel, run: string, i: number, w: TypoWeights): Omit<TypoHit, 'at'> | null {
  const ch = run[i]!;
  const cands = model.confusables.get(ch);
  if (!cands) return null;
  const left = i > 0 ? run[i - 1]! : '';
  const right = i + 1 < run.length ? run[i + 1]! : '';
  const a = Math.max(0, i - WINDOW);
  const b = Math.min(run.length, i + WINDOW + 1);
  const window = run.slice(a, b);
  const k = i - a;
  let base: number | null = null;
  let best: Omit<TypoHit, 'at'> | null = null;
  const ctx0 = ctx(model, left, ch, right);
  const after = left ? model.follows.get(left) : undefined;
  const before = right ? model.precedes.get(right) : undefined;
  const often = model.confusedOften.has(ch);
  for (const c of cands) {
    // Only a replacement that makes a word with a neighbour, or a known confusion, can
    // explain the text better.
    const seen = often ? model.pairs.get(ch + c) ?? 0 : 0;
    if (!seen && !after?.has(c) && !before?.has(c)) continue;
    base ??= splitScore(model, window, 0, window.length);
    const fixed = window.slice(0, k) + c + window.slice(k + 1);
    const lm = splitScore(model, fixed, 0, fixed.length);
    const gain = lm - base + w.bigram * (ctx(model, left, c, right) - ctx0) + w.pair * Math.log1p(seen);
    if (!best || gain > best.gain) best = { fix: c, gain, lmBefore: base, lmAfter: lm, before: window, after: fixed };
  }
  return best;
}
