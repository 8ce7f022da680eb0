import type { HouseTerm } from '../types';
import { found, lookWord, NAME_BIT, type CscModel } from './model';
import { bestEndsShared } from './segment';
import { neighbourClasses } from './word-class';
import { candidatesAt, scoreOf as score } from './candidates';
import { markConstructions } from './patterns';
import { cscSwitches } from './switches';
import { scoreFor, TYPO_CONFIDENCE } from './confidence';
import { VARIANT_CHARS } from '../data/variants';

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
 * The in-word penalty is −2 since characters inside rare words are tried (real-word errors).
 * A learned ranker over all of FEATURES (the last six: the fix's and the written character's
 * frequency, the written character's context, how many fixes compete, loose neighbours, a
 * run's edge) was tried on 2026-12-01 (bench/csc-rank.ts): a logistic regression reached
 * 0.620 at recall 0.187 on the other fold where these weights have 0.663 at 0.180, and a
 * coordinate search for precision at recall 0.18 gained 0.02 across folds but lost 0.06 on
 * the development set; so the weights stay, and the extra features weigh 0 (kept for the
 * next try). Why precision stops rising with the score is not the score: per position it
 * does rise (right 0.50 at 10–12, 0.75 at 12–16, 0.92 at 18–22; bench/csc-rank.ts
 * CSC_BUCKETS), but a sentence counts only when all its errors are found, and at high
 * thresholds a quarter of the flagged sentences with errors have another one missed.
 */
export type TypoWeights = readonly number[];
export const FEATURES = ['bias', 'lmGain', 'bigramGain', 'pairSeen', 'charProne', 'inWord', 'charAlone', 'joinsWord', 'wordMiswritten', 'charLm', 'classCtx', 'particleCtx', 'fixAlone', 'writtenBigrams', 'writtenFit', 'rivals', 'looseSides', 'runEdge', 'wordLm'] as const;
export const TYPO_WEIGHTS: TypoWeights = Object.freeze([0, 0, 1, 0.5, 0, -2, 0, 1, 4, 0.5, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
/**
 * Strict adds the particles' own weight: 的/地/得 by the classes around them (高兴的跳 →
 * 地). SIGHAN's corrected text leaves most such 的 as written (开心的度过), so TRAIN tunes
 * this weight to 0 for normal; a newspaper's 校对 holds copy to the standard usage, and
 * strict is where the weaker cases are asked for.
 */
export const TYPO_WEIGHTS_STRICT: TypoWeights = Object.freeze([0, 0, 1, 0.5, 0, -2, 0, 1, 4, 0.5, 1, 2, 0, 0, 0, 0, 0, 0, 1]);
/**
 * Score thresholds, from the settings' confidences (confidence.ts TYPO_CONFIDENCE): normal
 * reports from `normal` up, strict from `strict`; a finding is an error from `error` up, a
 * warning below it. Chosen on TRAIN (bench/csc-tune.ts): `normal` (~12) is the best precision
 * as TEST is built (0.66 at recall 0.18) and raises none on the seed pages, `error` (~18)
 * keeps false errors well under 1 per 100 error-free sentences on TRAIN's corrected halves
 * (0.56) and on the development set (0.4), `strict` (~10, with the particles' weight)
 * trades precision for recall (0.57 / 0.24).
 */
export const TYPO_THRESHOLDS = { error: scoreFor(TYPO_CONFIDENCE.error), normal: scoreFor(TYPO_CONFIDENCE.normal), strict: scoreFor(TYPO_CONFIDENCE.strict) } as const;

export interface TypoHit {
  /** Offset of the suspect character in the text. */
  at: number;
  fix: string;
  /** Total score gain with the fix (ln units). */
  gain: number;
  /** ln P of the window's best segmentation as written and with the fix (NaN when its weight is 0). */
  lmBefore: number;
  lmAfter: number;
  /** ln P gained with the fix under the word language model, ±3 characters around it (word-lm.ts; NaN: no model). */
  wlmGain: number;
  /** The window as written and with the fix (the evidence shown). */
  before: string;
  after: string;
}

/** A word rarer than this (ln P) does not vouch for its characters. */
const RARE_WORD = -16;

const HAN_RUN = /\p{Script=Han}+/gu;
let loose = new Uint8Array(256);
let named = new Uint8Array(256);
let partner = new Int8Array(256);
let aroundScratch: Int8Array = new Int8Array(512);

/**
 * Offsets covered by a house term in any of its forms, or by a set construction (写一写), and
 * 异体字 (牠: char.variant gives its standard form; a confusable is not its fix): never reported.
 */
function protectedSpans(text: string, terms: readonly HouseTerm[] | undefined): Uint8Array {
  const out = new Uint8Array(text.length);
  markConstructions(text, out);
  // Index loops, not for…of: in the CLI's short run (V8's interpreter, issue 15) each step of
  // an iterator is an object on the heap, and this runs per paragraph for every house term.
  for (let v = 0; v < VARIANT_CHARS.length; v++) {
    const ch = VARIANT_CHARS[v]!;
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out[i] = 1;
  }
  // Each form as it stands (no list of them per term per paragraph: 5,000 paragraphs per 100k characters).
  const mark = (form: string | undefined) => {
    if (!form) return;
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) out.fill(1, i, i + form.length);
  };
  const list = terms ?? [];
  for (let t = 0; t < list.length; t++) {
    const term = list[t]!;
    mark(term.preferred);
    for (let f = 0; f < term.variants.length; f++) mark(term.variants[f]);
    const accepted = term.accepted;
    if (accepted) for (let f = 0; f < accepted.length; f++) mark(accepted[f]);
  }
  return out;
}

export interface TypoCandidate {
  at: number;
  fix: string;
  features: number[];
  lmBefore: number;
  lmAfter: number;
  wlmGain: number;
  before: string;
  after: string;
}

/**
 * Every candidate fix of every suspect character, with its features (for scoring and training);
 * with a finite minScore only the candidates scoring at or above it (what detectTypos keeps).
 */
export function typoCandidates(model: CscModel, text: string, terms?: readonly HouseTerm[], minScore = -Infinity, weights: TypoWeights = TYPO_WEIGHTS): TypoCandidate[] {
  const out: TypoCandidate[] = [];
  const guarded = protectedSpans(text, terms);
  // exec on the module's expression, not matchAll (a copy of the expression and an iterator
  // per paragraph): nothing the loop calls uses HAN_RUN.
  HAN_RUN.lastIndex = 0;
  for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
    const from = m.index;
    const run = m[0];
    if (run.length < 2) continue;
    const ends = bestEndsShared(model, run);
    // Which offsets stand alone (or in a rare word) on the best path: there a character is
    // unexplained, and only such a neighbour may join it in a new word.
    // Scratch arrays reused across runs (a new pair per run was a tenth of the collector's work).
    if (loose.length < run.length) { loose = new Uint8Array(2 * run.length); named = new Uint8Array(2 * run.length); partner = new Int8Array(2 * run.length); }
    loose.fill(0, 0, run.length);
    named.fill(0, 0, run.length);
    partner.fill(0, 0, run.length);
    for (let s = 0; s < run.length;) {
      const e = ends[s]! || s + 1;
      lookWord(model, run, s, e); // its ln P and class byte (logpAt, classByteAt) at once
      const lp = e - s === 1 || found.lp !== found.lp ? -Infinity : found.lp;
      if (lp <= RARE_WORD) loose.fill(1, s, e);
      else if (e - s === 2 && cscSwitches.inWord && lp < cscSwitches.inWordBelow) { partner[s] = 1; partner[s + 1] = -1; }
      if (found.cls >= 0 && (found.cls & NAME_BIT) !== 0) named.fill(1, s, e); // isNameAt
      s = e;
    }
    placeNames(run, named);
    const around = (aroundScratch = neighbourClasses(model, run, ends, aroundScratch));
    for (let i = 0; i < run.length; i++) {
      // A character inside a known word is explained by it, unless a confusable makes a
      // likelier word with its partner (switches.ts inWord).
      if (named[i] || guarded[from + i]) continue;
      if (!loose[i] && (!partner[i] || (model.prone.get(run.charCodeAt(i)) ?? 0) < cscSwitches.inWordProne)) {
        if (cscSwitches.wlmInWord !== Infinity) candidatesAt(model, run, i, from, loose, around, minScore, weights, out, 0, true);
        continue;
      }
      candidatesAt(model, run, i, from, loose, around, minScore, weights, out, loose[i] ? 0 : partner[i]!);
    }
  }
  return out;
}

export function scoreOf(features: readonly number[], w: TypoWeights = TYPO_WEIGHTS): number {
  return score(features, w);
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
  const cands = typoCandidates(model, text, terms, threshold, weights);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const gain = scoreOf(c.features, weights);
    if (gain < threshold || (best.get(c.at)?.gain ?? -Infinity) >= gain) continue;
    best.set(c.at, { at: c.at, fix: c.fix, gain, lmBefore: c.lmBefore, lmAfter: c.lmAfter, wlmGain: c.wlmGain, before: c.before, after: c.after });
  }
  return [...best.values()].sort((a, b) => a.at - b.at);
}

// 景风村, 支角村, 王陶街道: a village or street the dictionary does not know is a name, and
// the two characters before such a suffix are left alone.
const PLACE_SUFFIX = new Set([...'村镇乡县市区路街巷沟峪河山庄寨坪湾'].map((c) => c.charCodeAt(0)));
function placeNames(run: string, named: Uint8Array): Uint8Array {
  for (let i = 2; i < run.length; i++) if (PLACE_SUFFIX.has(run.charCodeAt(i))) named.fill(1, i - 2, i);
  return named;
}
