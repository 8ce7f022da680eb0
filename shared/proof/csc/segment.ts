import type { CscModel } from './model';
import { intGet } from './int-table';
import { longGet } from './long-table';

// Maximum-probability word segmentation (a unigram word model over the dictionary's
// frequencies, as jieba's own DAG search): the best split of a run of Han characters and
// its log-probability. The detector compares such scores with and without a replacement.
// Words are extended from each start only while the dictionary has them as a prefix
// (jieba's prefix dictionary), so most offsets cost one or two lookups of a small integer.

export interface Split {
  /** ln P of the best segmentation. */
  score: number;
  /** End offset (exclusive) of the word that starts at each offset on the best path; 0 elsewhere. */
  ends: Int32Array;
}

// Backwards, as jieba: best[s] is the best score of text[s, n), next[s] its first word's end.
let best = new Float64Array(64);
let next = new Int32Array(64);
let ids = new Int32Array(64);

function run(m: CscModel, text: string, from: number, n: number): void {
  if (best.length <= n) { best = new Float64Array(2 * n + 2); next = new Int32Array(2 * n + 2); ids = new Int32Array(2 * n + 2); }
  for (let s = 0; s < n; s++) ids[s] = m.ids[text.charCodeAt(from + s)]!;
  search(m, n);
}

/** The search over ids[0, n), filled by the caller. */
function search(m: CscModel, n: number): void {
  best[n] = 0;
  for (let s = n - 1; s >= 0; s--) {
    const a = ids[s]!;
    const one = m.lp1[a]!;
    let top = (one === one ? one : m.unknown) + best[s + 1]!; // NaN: not a word
    let end = s + 1;
    const b = s + 1 < n ? ids[s + 1]! : 0;
    if (a && b) {
      // A NaN value is a beginning of longer words only: never better than `top`, but the
      // search goes on past it.
      const k2 = a * 32768 + b;
      const lp2 = intGet(m.lp2, k2);
      if (lp2 !== undefined) {
        if (lp2 + best[s + 2]! > top) { top = lp2 + best[s + 2]!; end = s + 2; }
        const c = s + 3 <= n ? ids[s + 2]! : 0;
        const lp3 = c ? longGet(m.long, k2, c) : undefined;
        if (lp3 !== undefined) {
          if (lp3 + best[s + 3]! > top) { top = lp3 + best[s + 3]!; end = s + 3; }
          const d = s + 4 <= n ? ids[s + 3]! : 0;
          const lp4 = d ? longGet(m.long, k2, c * 32768 + d) : undefined;
          if (lp4 !== undefined && lp4 + best[s + 4]! > top) { top = lp4 + best[s + 4]!; end = s + 4; }
        }
      }
    }
    best[s] = top;
    next[s] = end;
  }
}

/** The last search's path into `ends` (zeroed over [0, n) first): each word's end at its start. */
function pathInto(ends: Int32Array, n: number): Int32Array {
  ends.fill(0, 0, n);
  for (let s = 0; s < n; s = next[s]!) ends[s] = next[s]!;
  return ends;
}

/** Best segmentation of text[from, to). */
export function bestSplit(model: CscModel, text: string, from = 0, to = text.length): Split {
  const n = to - from;
  run(model, text, from, n);
  return { score: best[0]!, ends: pathInto(new Int32Array(n), n) };
}

let endsScratch = new Int32Array(64);

/**
 * bestSplit's ends of a whole run, in an array reused by the next call (longer than the run:
 * read only below run.length). The detector asks once per run, and a new typed array per
 * run was a tenth of the young objects of the CLI's page, whose scavenges its short run pays
 * (issue 15).
 */
export function bestEndsShared(model: CscModel, text: string): Int32Array {
  const n = text.length;
  run(model, text, 0, n);
  if (endsScratch.length < n) endsScratch = new Int32Array(2 * n);
  return pathInto(endsScratch, n);
}

/** Score only: the best segmentation's ln P of text[from, to), as bestSplit's. */
export function splitScore(model: CscModel, text: string, from: number, to: number): number {
  run(model, text, from, to - from);
  return best[0]!;
}

/**
 * splitScore of text[from, to) with the character at `at` replaced by code `c`, without
 * making that string: the detector compares ~30,000 such windows per 100,000 characters.
 */
export function splitScoreWith(model: CscModel, text: string, from: number, to: number, at: number, c: number): number {
  const n = to - from;
  if (best.length <= n) run(model, text, from, n);
  for (let s = 0; s < n; s++) ids[s] = model.ids[text.charCodeAt(from + s)]!;
  ids[at - from] = model.ids[c]!;
  search(model, n);
  return best[0]!;
}
