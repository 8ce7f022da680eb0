import { pairKey, word2, type CscModel } from './model';
import { BLOOM_SHIFT, bloomAfter } from './word-bloom';
import { splitScore, splitScoreWith } from './segment';
import { bigramGainVs, leftFit, rightFit } from './context';
import { classGainRow, classIndex, classRow } from './class-gain';
import type { TypoCandidate, TypoWeights } from './detect';
import { cscSwitches } from './switches';
import { pairedOf } from './paired';
import { prepareWindow, windowWith } from './word-lm';

// The candidate fixes at one suspect character (detect.ts's inner loop): every confusable
// is tried in its place and scored by the features of FEATURES. Over 100,000 characters of
// copy that is ~30,000 positions and ~450,000 candidates, of which one in ten can explain
// the text at all, so the loop does per position what does not depend on the candidate
// (the written character's ids, context terms and class row) and per candidate only table
// lookups by integer, makes no string until a candidate scores, and compares windows with
// the fix by ids (splitScoreWith), not by a new string (issue 14's time target).

export function scoreOf(features: ArrayLike<number>, w: TypoWeights): number {
  const terms = termsOf(w);
  let sum = 0;
  if (terms === null) {
    for (let k = 0; k < features.length; k++) sum += features[k]! * (w[k] ?? 0);
    return sum;
  }
  for (let j = 0; j < terms.length; j++) {
    const k = terms[j]!;
    sum += w[k] === 1 ? features[k]! : features[k]! * w[k]!;
  }
  return sum;
}

// The CLI's short run goes without V8's optimizing compiler (electron/cli/short-run.ts),
// and there every product and sum of doubles is a new heap number: 18 features × 3 per
// score were ~0.8 MB on the seed page, a third of what its scavenges collected (issue 15).
// A frozen list (detect.ts's shipped weights) is read at its non-zero weights only, made
// once; a list that may change (the tuning scripts') is read whole.
let lastWeights: TypoWeights | null = null;
let lastTerms: Int32Array | null = null;
function termsOf(w: TypoWeights): Int32Array | null {
  if (w === lastWeights) return lastTerms;
  if (!Object.isFrozen(w)) return null;
  const at: number[] = [];
  for (let k = 0; k < w.length; k++) if (w[k] !== 0) at.push(k);
  lastWeights = w;
  lastTerms = Int32Array.from(at);
  return lastTerms;
}

/**
 * Word classes (scripts/csc-corpus.mjs CLASSES) of the one-character words whose context
 * is judged by the classes around them: adverbs, prepositions, conjunctions and particles
 * (再/在, 的/地/得). A noun for a verb (区 → 去 in 经开区) is the segmentation's to judge.
 * A flag per class byte (a name's byte, bit 0x80, is none of them).
 */
const FUNCTION_CLASS = new Uint8Array(256);
for (const c of [5, 9, 10, 11]) FUNCTION_CLASS[c] = 1;
/** 的, 地, 得: the structural particles, whose class evidence has a weight of its own (particleCtx). */
const PARTICLES = [0x7684, 0x5730, 0x5f97];
/** Class evidence (ln) that makes a one-character word for another a candidate by itself. */
const CLASS_OPENS = 1;
/** Characters on each side of the suspect that the comparison looks at. */
const WINDOW = 2;
/**
 * The most the word model's gain counts (ln): beyond it the finding is made already, and
 * the cap lets most candidates skip the window (those the rest of the evidence leaves more
 * than this below the threshold). TRAIN two-fold at normal (14): 0.698 / 0.179 with 12,
 * 0.701 / 0.180 with 13, 14 or none; the development set 0.635 / 0.235, 0.634 / 0.244,
 * 0.635 / 0.247. The CLI's run on the 2026 seed page (no optimizing compiler) spends 2.0 ms
 * in the word model with 12, 4.3 with 13, 7.5 with 14 (--cpu-prof, 10 runs): 12 keeps
 * `proof`'s start within ~3 ms of what it was (issue 15).
 */
const WLM_CAP = 12;
/** How far the quick estimate of the segmentation gain may fall short of the real one (ln). */
const ESTIMATE_SLACK = 4;

/** Context evidence of code c between l and r (0 = none): ln(1 + bigram count) on each side. */
const ctx = (model: CscModel, l: number, c: number, r: number) =>
  Math.log1p(l ? model.bigrams.get(pairKey(model, l, c)) ?? 0 : 0) + Math.log1p(r ? model.bigrams.get(pairKey(model, c, r)) ?? 0 : 0);

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

/** word2 of pair key k > 0, with the bloom bits (when made) asked first. */
function word2Bloom(model: CscModel, bits: Uint32Array | null, k: number): number | undefined {
  // bloomHas written out: asked up to three times per candidate, and in the CLI's short run
  // (interpreted) the call cost more than the test (issue 15).
  if (bits !== null) {
    const h = Math.imul(k, 0x9e3779b1) >>> BLOOM_SHIFT;
    if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return undefined;
  }
  return word2(model, k);
}

/**
 * makesLikelierWord by word and side, per model (as the bloom filter, made once per table):
 * copy repeats its words, and the answer depends on nothing else when no miswritten word
 * adds a candidate (switches.ts is read when an answer is first made: set it before use).
 */
const likelierCache = new WeakMap<CscModel, Map<number, boolean>>();
/** The last model's answers, asked before the WeakMap (a hash lookup per position, interpreted: issue 15). */
let likelierModel: CscModel | null = null;
let likelierLast: Map<number, boolean> | undefined;

function likelierWordAt(model: CscModel, bloom: Uint32Array | null, cands: ArrayLike<number>, idCh: number, idMate: number, partner: number, lpWord: number, cacheable: boolean): boolean {
  const floor = lpWord + cscSwitches.inWordMargin;
  if (!cacheable) return makesLikelierWord(model, bloom, cands, idMate, partner, floor);
  let cache = model === likelierModel ? likelierLast : likelierCache.get(model);
  if (!cache) likelierCache.set(model, (cache = new Map()));
  likelierModel = model;
  likelierLast = cache;
  const key = (idCh * 32768 + idMate) * 2 + (partner < 0 ? 1 : 0);
  let yes = cache.get(key);
  if (yes === undefined) cache.set(key, (yes = makesLikelierWord(model, bloom, cands, idMate, partner, floor)));
  return yes;
}

/** Whether some candidate makes, with the partner idMate (before it when partner < 0), a two-character word with ln P above `floor`. */
function makesLikelierWord(model: CscModel, bloom: Uint32Array | null, cands: ArrayLike<number>, idMate: number, partner: number, floor: number): boolean {
  for (let n = 0; n < cands.length; n++) {
    const idC = model.ids[cands[n]!]!;
    if (!idC) continue;
    const lp = word2Bloom(model, bloom, partner < 0 ? idMate * 32768 + idC : idC * 32768 + idMate);
    if (lp !== undefined && lp > floor) return true;
  }
  return false;
}

/**
 * How much better the fix fits the character on the word's far side than the written one
 * does (the bigram model's association, ln): a real-word error shows in its context (影像到
 * → 影响到), where a likelier word alone is no evidence (影像资料 is right).
 */
function outerFit(cx: CscModel['context'], partner: number, idPrev: number, idCh: number, idC: number, idAfter: number): number {
  if (partner < 0) return idAfter ? rightFit(cx, idC, idAfter) - rightFit(cx, idCh, idAfter) : 0;
  return idPrev ? leftFit(cx, idPrev, idC) - leftFit(cx, idPrev, idCh) : 0;
}

/** ln P of a character as a one-character word (the unknown word's when it is none). */
function lpOne(model: CscModel, code: number): number {
  const v = model.lp1[model.ids[code]!]!;
  return v === v ? v : model.unknown;
}

/** Pair counts of the written character by the candidate's id (pairsOf), zero elsewhere. */
const seenById = new Uint32Array(32768);

/**
 * Puts TRAIN's counts of `idCh` written for each other character into seenById and returns
 * the range of sortedKeys they came from (to clear), or null when the table has no sorted
 * lists (bench/csc-tune.ts's Maps): then each candidate asks the table.
 */
function pairsOf(model: CscModel, idCh: number): [number, number] | null {
  const keys = model.pairs.sortedKeys;
  const counts = model.pairs.sortedCounts;
  if (!keys || !counts) return null;
  const first = idCh * 32768;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (keys[mid]! < first) lo = mid + 1; else hi = mid; }
  let end = lo;
  for (; end < keys.length && keys[end]! < first + 32768; end++) seenById[keys[end]! - first] = counts[end]!;
  return [lo, end];
}


/** The features of the candidate being scored, reused: an array is made only for one that is kept. */
const scratch: number[] = new Array<number>(19).fill(0);

/**
 * The candidates at offset i of a run that starts at `from` in the text, pushed onto `out`;
 * with a finite minScore only those scoring at or above it (the others cannot be findings).
 */
export function candidatesAt(model: CscModel, run: string, i: number, from: number, loose: Uint8Array, around: Int8Array, minScore: number, w: TypoWeights, out: TypoCandidate[], partner = 0, lmOnly = false): void {
  const ch = run.charCodeAt(i);
  const prev = i > 0 ? run.charCodeAt(i - 1) : 0;
  const after = i + 1 < run.length ? run.charCodeAt(i + 1) : 0;
  const mis = miswrittenAt(model, prev, ch, after);
  const conf = model.confusables.get(ch);
  const paired = cscSwitches.paired ? pairedOf(model).get(ch) : undefined;
  if (!conf && !mis && !paired) return;
  let cands: ArrayLike<number> = conf ?? [];
  // Rarely (a word TRAIN saw miswritten, a pair TRAIN shows outside the confusion sets:
  // 应为 for 因为): add the right character when it is no confusable.
  if (mis) for (const c of mis.keys()) if (!conf?.includes(c)) cands = [...Array.from(cands), c];
  if (paired) for (const c of paired) if (!Array.prototype.includes.call(cands, c)) cands = [...Array.from(cands), c];
  // A neighbour already in a known word is taken: 重实干 is 重 + 实干, not a broken 重视.
  const left = i > 0 && loose[i - 1] ? prev : 0;
  const right = i + 1 < run.length && loose[i + 1] ? after : 0;
  const a = Math.max(0, i - WINDOW);
  const b = Math.min(run.length, i + WINDOW + 1);
  const { ids, lp1, cls1, context: cx } = model;
  const idCh = ids[ch]!;
  const idPrev = prev ? ids[prev]! : 0;
  const idAfter = after ? ids[after]! : 0;
  // The pair keys of a loose neighbour with a candidate (pairKey's, with the neighbour's id once).
  const idLeft = left ? ids[left]! : 0;
  const idRight = right ? ids[right]! : 0;
  // Inside a known two-character word (partner: the other character's offset, ±1): only a
  // fix that makes a word likelier than it by cscSwitches.inWordMargin with the same partner is tried.
  const idMate = partner ? ids[run.charCodeAt(i + partner)]! : 0;
  const lpWord = idMate ? word2(model, partner < 0 ? idMate * 32768 + idCh : idCh * 32768 + idMate) ?? 0 : 0;
  const bloom = idLeft || idRight || idMate ? bloomAfter(model.lp2, cands.length) : null;
  // Most in-word positions have no such fix: found out before any other work (they are
  // two thirds of the positions tried, and the setup below cost ~100 ms per 100,000 characters).
  if (idMate && !likelierWordAt(model, bloom, cands, idCh, idMate, partner, lpWord, mis === null)) return;
  let base: number | null = null;
  let window: string | null = null;
  // A character TRAIN never shows written for another has no pair to look up.
  const chSeen = model.prone.get(ch) ?? 0;
  const scattered = chSeen && idCh ? pairsOf(model, idCh) : null;
  const leftCls = around[2 * i]!;
  const rightCls = around[2 * i + 1]!;
  // A one-character word may be swapped for another (leftCls ≥ 0 only there); its class row once.
  const chFunction = FUNCTION_CLASS[cls1[idCh]!] === 1;
  const classes = leftCls >= 0 ? classIndex(cx) : null;
  const chRow = classes ? classRow(classes, ch) : -1;
  // The written character's terms that only a candidate past the first test below needs,
  // made for the first such: 13 candidates in 14 fail it and half the positions have none,
  // and in the CLI's short run (no optimizing compiler) each term was lookups and new heap
  // numbers made for nothing (issue 15).
  let ready = false;
  let ctx0 = 0;
  let prone = 0;
  let lpCh = 0;
  let alone = 0;
  let lpLeft = 0;
  let lpRight = 0;
  let chParticle = false;
  let nCands = 0;
  // bigramGain's terms for the written character, on the first candidate that needs them.
  let fromLeft = NaN;
  let fromRight = NaN;
  // The word model's window and its score as written, on the first candidate that needs them.
  const wa = Math.max(0, i - cscSwitches.wlmWindow);
  const wb = Math.min(run.length, i + cscSwitches.wlmWindow + 1);
  const wlm = model.wordLm;
  let wlmBase = NaN;
  const wlmCannotOpen = !wlm || cscSwitches.wlmOpens === Infinity;
  // The ranker's position features: loose neighbours, a run's edge (nCands above: how many fixes compete here).
  const sides = (left ? 1 : 0) + (right ? 1 : 0);
  const edge = i === 0 || i === run.length - 1 ? 1 : 0;
  for (let n = 0; n < cands.length; n++) {
    const c = cands[n]!;
    const idC = ids[c]!;
    // Inside a known word, only the word model can open a candidate (cscSwitches.wlmInWord).
    let gain = NaN;
    if (lmOnly) {
      if (!wlm) return;
      if (wlmBase !== wlmBase) { prepareWindow(wlm, run, wa, wb, i); wlmBase = windowWith(ch); }
      gain = windowWith(c) - wlmBase;
      if (gain < cscSwitches.wlmInWord) continue;
    }
    // A replacement that makes a word with a loose neighbour, a known confusion, or a
    // one-character word that fits its neighbours' classes better can explain the text.
    const seen = !chSeen ? 0 : scattered ? seenById[idC]! : model.pairs.get(pairKey(model, ch, c)) ?? 0;
    const miswritten = mis?.get(c) ?? 0;
    const lpL = idLeft && idC ? word2Bloom(model, bloom, idLeft * 32768 + idC) : undefined;
    const lpR = idRight && idC ? word2Bloom(model, bloom, idC * 32768 + idRight) : undefined;
    const lpC = leftCls >= 0 ? lp1[idC]! : NaN;
    const swap = lpC === lpC && (chFunction || FUNCTION_CLASS[cls1[idC]!] === 1);
    const lpW = idMate && idC ? word2Bloom(model, bloom, partner < 0 ? idMate * 32768 + idC : idC * 32768 + idMate) : undefined;
    if (idMate && !(lpW !== undefined && lpW > lpWord + cscSwitches.inWordMargin && outerFit(cx, partner, idPrev, idCh, idC, idAfter) > cscSwitches.inWordContext)) continue;
    const cls = swap ? classGainRow(classes!, chRow, c, leftCls, rightCls) : null;
    // Otherwise only the word model can open it (cscSwitches.wlmOpens), once the rest of
    // the evidence leaves it within reach (the skip below: most never get a window).
    const opened = !lmOnly && !seen && !miswritten && lpL === undefined && lpR === undefined && lpW === undefined && !(cls !== null && cls > CLASS_OPENS);
    if (opened && wlmCannotOpen) continue;
    if (!ready) {
      ready = true;
      ctx0 = ctx(model, prev, ch, after);
      prone = Math.log1p(chSeen);
      lpCh = lpOne(model, ch);
      alone = (lpCh + model.logTotal) / 10;
      lpLeft = left ? lpOne(model, left) : 0;
      lpRight = right ? lpOne(model, right) : 0;
      chParticle = PARTICLES.includes(ch);
      nCands = Math.log(cands.length);
    }
    const bigram = ctx(model, prev, c, after) - ctx0;
    const pairSeen = Math.log1p(seen);
    const inWord = loose[i] ? 0 : 1;
    const joins = lpL !== undefined || lpR !== undefined || lpW !== undefined ? 1 : 0;
    const misF = Math.log1p(miswritten);
    // The characters around it (a few table lookups), for a function word too (再 + 家里):
    // with 1.8 MB of text the bigrams say something beside the classes (TRAIN: same
    // precision, more recall).
    if (fromLeft !== fromLeft) { fromLeft = idPrev ? leftFit(cx, idPrev, idCh) : 0; fromRight = idAfter ? rightFit(cx, idCh, idAfter) : 0; }
    const charLm = bigramGainVs(cx, idPrev, idC, idAfter, fromLeft, fromRight);
    const classCtx = cls ?? 0;
    const particle = cls !== null && chParticle && PARTICLES.includes(c) ? cls : 0;
    // The segmentation's gain estimated from the two-character word the fix makes (the two
    // single characters it replaces), or from the one word swapped for another: the full
    // comparison only where the score could reach minScore. Most candidates stop here,
    // which keeps 100,000 characters fast.
    const f = scratch;
    f[0] = 1; f[2] = bigram; f[3] = pairSeen; f[4] = prone; f[5] = inWord;
    f[6] = alone; f[7] = joins; f[8] = misF; f[9] = charLm; f[10] = classCtx; f[11] = particle;
    f[12] = (lpOne(model, c) + model.logTotal) / 10; f[13] = ctx0; f[14] = fromLeft + fromRight;
    f[15] = nCands; f[16] = sides; f[17] = edge;
    // The word model's gain over the window (word-lm.ts): the evidence that carries the score
    // (TYPO_WEIGHTS), computed for every candidate that got this far.
    let rest = NaN;
    if (wlm) {
      // No gain counts beyond WLM_CAP, so a candidate the rest of the evidence leaves more
      // than that below minScore needs no window (lmGain's weight 0: the score is the rest plus this).
      if (gain !== gain && !w[1] && minScore > -Infinity) {
        f[18] = 0;
        rest = scoreOf(f, w);
        if (rest + (w[18] ?? 0) * WLM_CAP < minScore) continue;
      }
      if (gain !== gain) {
        if (wlmBase !== wlmBase) { prepareWindow(wlm, run, wa, wb, i); wlmBase = windowWith(ch); }
        gain = windowWith(c) - wlmBase;
      }
      f[18] = Math.min(gain, WLM_CAP);
      if (opened && gain < cscSwitches.wlmOpens) continue;
    }
    // The unigram segmentation's gain only where it weighs (w[1]; 0 since the word model
    // came, bench/csc-wlm-tune.ts asks for it with a weight of its own).
    let lm = NaN;
    if (w[1]) {
      if (minScore > -Infinity && !seen && !miswritten && !lmOnly) {
        // lmGain's weight is positive, so the score with the estimate's upper bound in its
        // place bounds the real one.
        const est = Math.max(lpL !== undefined ? lpL - lpLeft - lpCh : -Infinity, lpR !== undefined ? lpR - lpRight - lpCh : -Infinity, swap ? lpOne(model, c) - lpCh : -Infinity, lpW !== undefined ? lpW - lpWord : -Infinity);
        f[1] = est + ESTIMATE_SLACK;
        if (scoreOf(f, w) < minScore) continue;
      }
      base ??= splitScore(model, run, a, b);
      lm = splitScoreWith(model, run, a, b, i, c);
      f[1] = lm - base;
    } else f[1] = 0;
    // The rest of the score is known when the skip above was checked (a pass over the weights fewer per candidate in the CLI's interpreted run).
    if (minScore > -Infinity && (rest === rest ? rest + (w[18] ?? 0) * f[18]! : scoreOf(f, w)) < minScore) continue;
    window ??= run.slice(a, b);
    const fix = String.fromCharCode(c);
    const k = i - a;
    out.push({ at: from + i, fix, lmBefore: base ?? NaN, lmAfter: lm, wlmGain: wlm ? gain : NaN, before: window, after: window.slice(0, k) + fix + window.slice(k + 1), features: f.slice() });
  }
  if (scattered) for (let j = scattered[0]; j < scattered[1]; j++) seenById[model.pairs.sortedKeys![j]! - idCh * 32768] = 0;
}
