import type { CscBinary } from './binary';
import { intGet, intTableOf, type IntTable } from './int-table';

// The context model (issue 14): what the characters and words around a suspect say, from
// licensed running text (resources/csc/corpus, scripts/csc-corpus.mjs). Two parts:
// - a character bigram model, smoothed toward the character's own frequency (a Dirichlet
//   prior: a pair the small corpus never saw is not impossible, only as likely as its
//   second character), which sees 再次 against 在次 where no dictionary word does;
// - for one-character words, the word classes they stand between (naive Bayes over the
//   left and the right neighbour's class): 地 before verbs, 的 before nouns, 得 after
//   verbs, 在 before places, 再 before verbs. A word-frequency model sees none of this.

export interface CscContext {
  /** The prior of each character by id, its ln, and ln(count + MU) of each as a left context. */
  prior: Float64Array;
  lnPrior: Float64Array;
  lnDen: Float64Array;
  /** Bigram counts by pair key (ida × 32768 + idb). */
  bi: IntTable;
  /** Word classes around one-character words: code → [left classes…, right classes…] (made when first asked: the detector reads the rows below). */
  readonly around: Map<number, Uint32Array>;
  /** How often each of those words was seen (a row's half total; made when first asked). */
  readonly seen: Map<number, number>;
  /** The same rows as the file holds them: code → 1 + row (0: none), the rows (2 × classes counts each), each row's total. */
  rowOf: Int32Array;
  rows: Uint32Array;
  rowSeen: Uint32Array;
  /** Number of word classes (CLASSES in scripts/csc-corpus.mjs): 0 the run's edge, 1 other. */
  classes: number;
}

/**
 * Prior strength of the bigram model (in characters of evidence). With 1.8 MB of text, MU 5–50 and FLOOR −2 to −5 all score within ±0.01 on TRAIN and the development set (2026-12-01).
 * The build computes the priors with it (scripts/csc-derived.mjs's MU; tests/unit/csc-layout.test.ts checks they agree).
 */
export const MU = 20;

/**
 * The context model as the build laid it out: the per-character priors, each class row's
 * total and the row of each character computed at build time (scripts/csc-derived.mjs: the
 * same expressions, issue 15), views of the file's buffer. The Maps by character are made
 * only when asked (tests; the detector reads the rows by code, class-gain.ts).
 */
export function readContext(bin: CscBinary, ids: Uint16Array): CscContext {
  const bi = intTableOf(bin.i32('lmKeys'), bin.f32('lmVals'));
  const classes = Number(bin.meta.classes);
  const chars = bin.u16('ctxChar');
  const rows = bin.u32('ctxRows');
  const rowSeen = bin.u32('ctxSeen');
  let maps: { around: Map<number, Uint32Array>; seen: Map<number, number> } | null = null;
  const byChar = () => {
    if (maps) return maps;
    maps = { around: new Map(), seen: new Map() };
    for (let i = 0; i < chars.length; i++) {
      if (!ids[chars[i]!]) continue;
      const at = i * 2 * classes;
      maps.around.set(chars[i]!, rows.subarray(at, at + 2 * classes));
      maps.seen.set(chars[i]!, rowSeen[i]!);
    }
    return maps;
  };
  return {
    prior: bin.f64('lmPrior'), lnPrior: bin.f64('lmLnPrior'), lnDen: bin.f64('lmLnDen'), bi, classes,
    get around() { return byChar().around; },
    get seen() { return byChar().seen; },
    rowOf: bin.i32('ctxRowOf'), rows, rowSeen,
  };
}

/** ln P(b | a) by ids (a = 0: at the run's start, the prior alone). */
export function lnNext(c: CscContext, a: number, b: number): number {
  if (!a) return c.lnPrior[b]!;
  const n = intGet(c.bi, a * 32768 + b) ?? 0;
  return Math.log(n + MU * c.prior[b]!) - c.lnDen[a]!;
}

const lnPrior = (c: CscContext, b: number) => c.lnPrior[b]!;

/** How much one side may count against a character (ln): the corpus is small, and a pair it never saw is weak evidence. */
const FLOOR = -3;
const clip = (x: number) => (x < FLOOR ? FLOOR : x);

/**
 * How much better id `to` fits between ids l and r (0: the run's edge) than `from`, by the
 * bigram model: how much likelier each is after l than on its own (the association, so the
 * more frequent character gets no head start: the segmentation already counts that), plus
 * how much likelier r is after it. Each side's penalty is floored (FLOOR).
 */
export function bigramGain(c: CscContext, l: number, from: number, to: number, r: number): number {
  return bigramGainVs(c, l, to, r, l ? leftFit(c, l, from) : 0, r ? rightFit(c, from, r) : 0);
}

/** The left side's term of bigramGain for id x after l: the detector takes the written character's once per position. */
export const leftFit = (c: CscContext, l: number, x: number) => clip(lnNext(c, l, x) - lnPrior(c, x));
/** The right side's term of bigramGain for r after id x. */
export const rightFit = (c: CscContext, x: number, r: number) => clip(lnNext(c, x, r) - lnPrior(c, r));

/** bigramGain with the written character's terms given (leftFit, rightFit): the same sums in the same order. */
export function bigramGainVs(c: CscContext, l: number, to: number, r: number, fromLeft: number, fromRight: number): number {
  let g = 0;
  if (l) g += leftFit(c, l, to) - fromLeft;
  if (r) g += rightFit(c, to, r) - fromRight;
  return g;
}

export { classGain } from './class-gain';
