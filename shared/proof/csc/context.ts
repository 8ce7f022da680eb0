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
  /** Corpus count of each character, by id. */
  uni: Uint32Array;
  /** Sum of uni, and how many characters have a count (the prior's smoothing). */
  total: number;
  kinds: number;
  /** Bigram counts by pair key (ida × 32768 + idb). */
  bi: IntTable;
  /** Word classes around one-character words: code → [left classes…, right classes…]. */
  around: Map<number, Uint32Array>;
  /** Number of word classes (CLASSES in scripts/csc-corpus.mjs): 0 the run's edge, 1 other. */
  classes: number;
}

/** Prior strength of the bigram model (in characters of evidence). */
const MU = 20;
/** Add-α smoothing of the class counts. */
const ALPHA = 1;
/** A one-character word seen fewer times than this in the corpus has no class evidence. */
const MIN_SEEN = 20;

export function readContext(bin: CscBinary, ids: Uint16Array): CscContext {
  const uni = bin.u32('lmUni');
  let total = 0, kinds = 0;
  for (let i = 0; i < uni.length; i++) if (uni[i]) { total += uni[i]!; kinds++; }
  const bi = intTableOf(bin.i32('lmKeys'), bin.f32('lmVals'));
  const classes = Number(bin.meta.classes);
  const chars = bin.u16('ctxChar');
  const rows = bin.u32('ctxRows');
  const around = new Map<number, Uint32Array>();
  for (let i = 0; i < chars.length; i++) if (ids[chars[i]!]) around.set(chars[i]!, rows.subarray(i * 2 * classes, (i + 1) * 2 * classes));
  return { uni, total, kinds, bi, around, classes };
}

/** ln P(b | a) by ids (a = 0: at the run's start, the prior alone). */
export function lnNext(c: CscContext, a: number, b: number): number {
  const prior = ((b < c.uni.length ? c.uni[b]! : 0) + 0.5) / (c.total + 0.5 * c.kinds);
  if (!a) return Math.log(prior);
  const n = intGet(c.bi, a * 32768 + b) ?? 0;
  return Math.log((n + MU * prior) / ((a < c.uni.length ? c.uni[a]! : 0) + MU));
}

const lnPrior = (c: CscContext, b: number) => Math.log(((b < c.uni.length ? c.uni[b]! : 0) + 0.5) / (c.total + 0.5 * c.kinds));

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
  let g = 0;
  if (l) g += clip(lnNext(c, l, to) - lnPrior(c, to)) - clip(lnNext(c, l, from) - lnPrior(c, from));
  if (r) g += clip(lnNext(c, to, r) - lnPrior(c, r)) - clip(lnNext(c, from, r) - lnPrior(c, r));
  return g;
}

/**
 * How much better one-character word `to` fits between word classes left and right than
 * `from` does (ln likelihood ratio), or null when the corpus has too little of either.
 */
export function classGain(c: CscContext, from: number, to: number, left: number, right: number): number | null {
  const a = c.around.get(from);
  const b = c.around.get(to);
  if (!a || !b) return null;
  const k = c.classes;
  let na = 0, nb = 0;
  for (let j = 0; j < k; j++) { na += a[j]!; nb += b[j]!; }
  if (na < MIN_SEEN || nb < MIN_SEEN) return null;
  const side = (row: Uint32Array, off: number, cls: number) => {
    let n = 0;
    for (let j = 0; j < k; j++) n += row[off + j]!;
    return Math.log((row[off + cls]! + ALPHA) / (n + ALPHA * k));
  };
  return side(b, 0, left) - side(a, 0, left) + side(b, k, right) - side(a, k, right);
}
