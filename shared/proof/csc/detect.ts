import type { HouseTerm } from '../types';
import { isName, logpOf, pairKey, word2, type CscModel } from './model';
import { bestSplit, splitScore } from './segment';
import { bigramGain, classGain } from './context';
import { neighbourClasses } from './word-class';
import { markConstructions } from './patterns';

// 错别字 by statistics (issue 14): a character is suspect when it stands outside any known
// word (or in a rare one), or is one that writers are known to confuse; a confusable
// character (same or near sound, similar shape) is tried in its place, and the character is
// reported when the text becomes markedly more probable: the best word segmentation of
// the few characters around it (jieba's word frequencies), the character bigrams around
// it, and how often the pair is confused (SIGHAN-15 TRAIN). Names, places and house terms
// are left alone.

export type TypoLevel = 'off' | 'normal' | 'strict';

/**
 * Weights of the candidate's features (FEATURES): the score is ln-probability gained with
 * the fix, the segmentation's (lmGain, weight 1 sets the scale) plus the context's and the
 * confusion's evidence. Chosen on SIGHAN-15's TRAIN split, two-fold, scored as TEST is built
 * (each held-out half with as many sentences without errors), with SIGHAN-2013/CLP-2014's
 * test sentences as a second check and the seed pages as the false-finding check
 * (bench/csc-tune.ts), never on TEST. With 1.3 MB more running text in the context model its
 * character context earns weight 0.5 (was 0.25) and TRAIN's confusion counts 0.5 (was 1).
 * A fitted logistic model did worse than this hand grid.
 */
export type TypoWeights = readonly number[];
export const FEATURES = ['bias', 'lmGain', 'bigramGain', 'pairSeen', 'charProne', 'inWord', 'charAlone', 'joinsWord', 'wordMiswritten', 'charLm', 'classCtx', 'particleCtx'] as const;
export const TYPO_WEIGHTS: TypoWeights = [0, 1, 1, 0.5, 0, -4, 0, 1, 4, 0.5, 1, 0];
/**
 * Strict adds the particles' own weight: 的/地/得 by the classes around them (高兴的跳 →
 * 地). SIGHAN's corrected text leaves most such 的 as written (开心的度过), so TRAIN tunes
 * this weight to 0 for normal; a newspaper's 校对 holds copy to the standard usage, and
 * strict is where the weaker cases are asked for.
 */
export const TYPO_WEIGHTS_STRICT: TypoWeights = [0, 1, 1, 0.5, 0, -4, 0, 1, 4, 0.5, 1, 2];
/**
 * Score thresholds. Normal reports from `normal` up, strict from `strict`; a finding is an
 * error from `error` up, a warning below it. Chosen on TRAIN (bench/csc-tune.ts): `normal`
 * is the best precision as TEST is built (0.66 at recall 0.17) and raises none on the seed
 * pages, `error` keeps false errors well under 1 per 100 error-free sentences on TRAIN's
 * corrected halves (0.56) and on the development set (0.4; at 16 it was 1.1 there, and 1.6
 * on TEST), `strict` trades precision for recall (0.56 / 0.22; warnings on the seeds).
 */
export const TYPO_THRESHOLDS = { error: 18, normal: 12, strict: 10 } as const;

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

/**
 * Whether characters inside known words are tried at all (see typoCandidates). Tried again
 * on 2026-12-01 with the bigger context model (for characters TRAIN shows confused twice or
 * more): +0.003 recall on TRAIN at the same precision, for most of the time. Off.
 */
const IN_WORD = false;
/**
 * Word classes (scripts/csc-corpus.mjs CLASSES) of the one-character words whose context
 * is judged by the classes around them: adverbs, prepositions, conjunctions and particles
 * (再/在, 的/地/得). A noun for a verb (区 → 去 in 经开区) is the segmentation's to judge.
 */
const FUNCTION_CLASSES = new Set([5, 9, 10, 11]);
/** 的, 地, 得: the structural particles, whose class evidence has a weight of its own (particleCtx). */
const PARTICLES = [0x7684, 0x5730, 0x5f97];
/** Class evidence (ln) that makes a one-character word for another a candidate by itself. */
const CLASS_OPENS = 1;
/** Characters on each side of the suspect that the comparison looks at. */
const WINDOW = 2;
/** A word rarer than this (ln P) does not vouch for its characters. */
const RARE_WORD = -16;

const HAN_RUN = /\p{Script=Han}+/gu;

/** Offsets covered by a house term in any of its forms, or by a set construction (写一写): never reported. */
function protectedSpans(text: string, terms: readonly HouseTerm[] | undefined): Uint8Array {
  const out = new Uint8Array(text.length);
  markConstructions(text, out);
  for (const term of terms ?? []) {
    for (const form of [term.preferred, ...term.variants, ...(term.accepted ?? [])]) {
      if (!form) continue;
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) out.fill(1, i, i + form.length);
    }
  }
  return out;
}

export interface TypoCandidate {
  at: number;
  fix: string;
  features: number[];
  lmBefore: number;
  lmAfter: number;
  before: string;
  after: string;
}

/** Every candidate fix of every suspect character, with its features (for scoring and training). */
export function typoCandidates(model: CscModel, text: string, terms?: readonly HouseTerm[], minScore = -Infinity, weights: TypoWeights = TYPO_WEIGHTS): TypoCandidate[] {
  const out: TypoCandidate[] = [];
  const guarded = protectedSpans(text, terms);
  for (const m of text.matchAll(HAN_RUN)) {
    const from = m.index;
    const run = m[0];
    if (run.length < 2) continue;
    const { ends } = bestSplit(model, run);
    // Which offsets stand alone (or in a rare word) on the best path: there a character is
    // unexplained, and only such a neighbour may join it in a new word.
    const loose = new Uint8Array(run.length);
    const named = new Uint8Array(run.length);
    for (let s = 0; s < run.length;) {
      const e = ends[s]! || s + 1;
      const word = run.slice(s, e);
      if (e - s === 1 || (logpOf(model, word) ?? -Infinity) <= RARE_WORD) loose.fill(1, s, e);
      if (isName(model, word)) named.fill(1, s, e);
      s = e;
    }
    placeNames(run, named);
    const around = neighbourClasses(model, run, ends);
    for (let i = 0; i < run.length; i++) {
      // A character inside a known word is explained by it; tried only for words that
      // writers are known to confuse (IN_WORD), which costs most of the time.
      if (named[i] || guarded[from + i] || (!loose[i] && !(IN_WORD && (model.prone.get(run.charCodeAt(i)) ?? 0) >= 2))) continue;
      candidatesAt(model, run, i, from, loose, around, minScore, weights, out);
    }
  }
  return out;
}

export function scoreOf(features: readonly number[], w: TypoWeights = TYPO_WEIGHTS): number {
  let sum = 0;
  for (let k = 0; k < features.length; k++) sum += features[k]! * (w[k] ?? 0);
  return sum;
}

// The editor proofreads a whole story after every pause while one paragraph changed:
// the findings of unchanged text are kept, per model and settings, for the last few
// thousand paragraphs.
const CACHE_SIZE = 4000;
const caches = new WeakMap<CscModel, Map<string, TypoHit[]>>();

/** Forget the cached findings (benchmarks time cold runs). */
export function clearTypoCache(model: CscModel): void {
  caches.delete(model);
}

/** Suspect characters of one text with their best fix, scoring at or above `threshold`. */
export function detectTypos(model: CscModel, text: string, threshold: number, terms?: readonly HouseTerm[], weights: TypoWeights = TYPO_WEIGHTS): TypoHit[] {
  if (weights !== TYPO_WEIGHTS && weights !== TYPO_WEIGHTS_STRICT) return detectUncached(model, text, threshold, terms, weights);
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new Map()));
  const key = `${threshold}|${weights === TYPO_WEIGHTS ? '' : 's'}|${termsKey(terms)}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = detectUncached(model, text, threshold, terms, weights);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}

const termKeys = new WeakMap<readonly HouseTerm[], string>();
let termSerial = 0;
/** An identity for a term list (lists are replaced, never changed in place). */
function termsKey(terms: readonly HouseTerm[] | undefined): string {
  if (!terms) return '';
  let k = termKeys.get(terms);
  if (!k) termKeys.set(terms, (k = String(++termSerial)));
  return k;
}

function detectUncached(model: CscModel, text: string, threshold: number, terms: readonly HouseTerm[] | undefined, weights: TypoWeights): TypoHit[] {
  const best = new Map<number, TypoHit>();
  for (const c of typoCandidates(model, text, terms, threshold, weights)) {
    const gain = scoreOf(c.features, weights);
    if (gain < threshold || (best.get(c.at)?.gain ?? -Infinity) >= gain) continue;
    best.set(c.at, { at: c.at, fix: c.fix, gain, lmBefore: c.lmBefore, lmAfter: c.lmAfter, before: c.before, after: c.after });
  }
  return [...best.values()].sort((a, b) => a.at - b.at);
}

/** Context evidence of code c between l and r (0 = none): ln(1 + bigram count) on each side. */
const ctx = (model: CscModel, l: number, c: number, r: number) =>
  Math.log1p(l ? model.bigrams.get(pairKey(model, l, c)) ?? 0 : 0) + Math.log1p(r ? model.bigrams.get(pairKey(model, c, r)) ?? 0 : 0);

// 景风村, 支角村, 王陶街道: a village or street the dictionary does not know is a name, and
// the two characters before such a suffix are left alone.
const PLACE_SUFFIX = new Set([...'村镇乡县市区路街巷沟峪河山庄寨坪湾'].map((c) => c.charCodeAt(0)));
function placeNames(run: string, named: Uint8Array): Uint8Array {
  for (let i = 2; i < run.length; i++) if (PLACE_SUFFIX.has(run.charCodeAt(i))) named.fill(1, i - 2, i);
  return named;
}

/** How far the quick estimate of the segmentation gain may fall short of the real one (ln). */
const ESTIMATE_SLACK = 4;

/** Right characters TRAIN saw for `ch` at i in a miswritten two-character word, with counts. */
function miswrittenAt(model: CscModel, prev: number, ch: number, after: number): Map<number, number> | null {
  const before = prev ? model.miswritten.get(pairKey(model, prev, ch)) : undefined;
  const behind = after ? model.miswritten.get(pairKey(model, ch, after)) : undefined;
  if (!before && !behind) return null;
  const out = new Map<number, number>();
  const add = (list: number[] | undefined, at: number) => {
    for (let k = 0; list && k < list.length; k += 3) if (list[k] === at) out.set(list[k + 1]!, (out.get(list[k + 1]!) ?? 0) + list[k + 2]!);
  };
  add(before, 1);
  add(behind, 0);
  return out.size ? out : null;
}

/** The candidates at offset i of a run that starts at `from` in the text, pushed onto `out`. */
function candidatesAt(model: CscModel, run: string, i: number, from: number, loose: Uint8Array, around: Int8Array, minScore: number, w: TypoWeights, out: TypoCandidate[]): void {
  const ch = run.charCodeAt(i);
  const prev = i > 0 ? run.charCodeAt(i - 1) : 0;
  const after = i + 1 < run.length ? run.charCodeAt(i + 1) : 0;
  const mis = miswrittenAt(model, prev, ch, after);
  const conf = model.confusables.get(ch);
  if (!conf && !mis) return;
  let cands: ArrayLike<number> = conf ?? [];
  // Rarely (a word TRAIN saw miswritten): add its right character when it is no confusable.
  if (mis) for (const c of mis.keys()) if (!conf?.includes(c)) cands = [...Array.from(cands), c];
  // A neighbour already in a known word is taken: 重实干 is 重 + 实干, not a broken 重视.
  const left = i > 0 && loose[i - 1] ? prev : 0;
  const right = i + 1 < run.length && loose[i + 1] ? after : 0;
  const a = Math.max(0, i - WINDOW);
  const b = Math.min(run.length, i + WINDOW + 1);
  const window = run.slice(a, b);
  const k = i - a;
  let base: number | null = null;
  const ctx0 = ctx(model, prev, ch, after);
  // A character TRAIN never shows written for another has no pair to look up.
  const chSeen = model.prone.get(ch) ?? 0;
  const prone = Math.log1p(chSeen);
  const lpOne = (code: number) => { const v = model.lp1[model.ids[code]!]!; return v === v ? v : model.unknown; };
  const lpCh = lpOne(ch);
  const alone = (lpCh + model.logTotal) / 10;
  const lpLeft = left ? lpOne(left) : 0;
  const lpRight = right ? lpOne(right) : 0;
  const leftCls = around[2 * i]!;
  const rightCls = around[2 * i + 1]!;
  const cx = model.context;
  const idOf = (code: number) => model.ids[code]!;
  for (let n = 0; n < cands.length; n++) {
    const c = cands[n]!;
    // Only a replacement that makes a word with a loose neighbour, a known confusion, or
    // a one-character word that fits its neighbours' classes better can explain the text.
    const seen = chSeen ? model.pairs.get(pairKey(model, ch, c)) ?? 0 : 0;
    const miswritten = mis?.get(c) ?? 0;
    const kl = left ? pairKey(model, left, c) : -1;
    const kr = right ? pairKey(model, c, right) : -1;
    const lpL = kl > 0 ? word2(model, kl) : undefined;
    const lpR = kr > 0 ? word2(model, kr) : undefined;
    const lpC = lpOne(c);
    const swap = leftCls >= 0 && !Number.isNaN(model.lp1[idOf(c)]!) && (FUNCTION_CLASSES.has(model.cls1[idOf(ch)]!) || FUNCTION_CLASSES.has(model.cls1[idOf(c)]!));
    const cls = swap ? classGain(cx, ch, c, leftCls, rightCls) : null;
    if (!seen && !miswritten && lpL === undefined && lpR === undefined && !(cls !== null && cls > CLASS_OPENS)) continue;
    // Features as plain numbers (FEATURES order); the array only for a candidate that goes on
    // to the full comparison: most stop before it, and their arrays were a tenth of the time in GC.
    const bigram = ctx(model, prev, c, after) - ctx0;
    const pairSeen = Math.log1p(seen);
    const inWord = loose[i] ? 0 : 1;
    const joins = lpL !== undefined || lpR !== undefined ? 1 : 0;
    const misF = Math.log1p(miswritten);
    // The characters around it (a few table lookups), for a function word too (再 + 家里):
    // with 1.8 MB of text the bigrams say something beside the classes (TRAIN: same
    // precision, more recall).
    const charLm = bigramGain(cx, prev ? idOf(prev) : 0, idOf(ch), idOf(c), after ? idOf(after) : 0);
    const classCtx = cls ?? 0;
    const particle = cls !== null && PARTICLES.includes(ch) && PARTICLES.includes(c) ? cls : 0;
    // The segmentation's gain estimated from the two-character word the fix makes (the two
    // single characters it replaces), or from the one word swapped for another: the full
    // comparison only where the score could reach minScore. Most candidates stop here,
    // which keeps 100,000 characters fast.
    if (minScore > -Infinity && !seen && !miswritten) {
      const est = Math.max(lpL !== undefined ? lpL - lpLeft - lpCh : -Infinity, lpR !== undefined ? lpR - lpRight - lpCh : -Infinity, swap ? lpC - lpCh : -Infinity);
      const rest = w[0]! + w[2]! * bigram + w[3]! * pairSeen + w[4]! * prone + w[5]! * inWord + w[6]! * alone + w[7]! * joins + w[8]! * misF + w[9]! * charLm + w[10]! * classCtx + w[11]! * particle;
      if (rest + w[1]! * (est + ESTIMATE_SLACK) < minScore) continue;
    }
    const features = [1, 0, bigram, pairSeen, prone, inWord, alone, joins, misF, charLm, classCtx, particle];
    base ??= splitScore(model, window, 0, window.length);
    const fix = String.fromCharCode(c);
    const fixed = window.slice(0, k) + fix + window.slice(k + 1);
    const lm = splitScore(model, fixed, 0, fixed.length);
    features[1] = lm - base;
    out.push({ at: from + i, fix, lmBefore: base, lmAfter: lm, before: window, after: fixed, features });
  }
}
