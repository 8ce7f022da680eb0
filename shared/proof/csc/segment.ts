import type { CscModel } from './model';

// Maximum-probability word segmentation (a unigram word model over the dictionary's
// frequencies, as jieba's own DAG search): the best split of a run of Han characters and
// its log-probability. The detector compares such scores with and without a replacement.
// Words are extended from each start only while the dictionary has them as a prefix
// (jieba's prefix dictionary), so most offsets cost one or two lookups.

export interface Split {
  /** ln P of the best segmentation. */
  score: number;
  /** End offset (exclusive) of the word that starts at each offset on the best path; 0 elsewhere. */
  ends: Int32Array;
}

/** Best segmentation of text[from, to). */
export function bestSplit(model: CscModel, text: string, from = 0, to = text.length): Split {
  const n = to - from;
  // Backwards, as jieba: best[s] is the best score of text[s, n) and next[s] its first word's end.
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  for (let s = n - 1; s >= 0; s--) {
    const ch = text[from + s]!;
    best[s] = (model.logp.get(ch) ?? model.unknown) + best[s + 1]!;
    next[s] = s + 1;
    let w = ch;
    for (let e = s + 2; e <= n && e - s <= model.maxLen; e++) {
      w += text[from + e - 1]!;
      const lp = model.logp.get(w);
      if (lp !== undefined) {
        const score = lp + best[e]!;
        if (score > best[s]!) { best[s] = score; next[s] = e; }
      } else if (!model.prefixes.has(w)) break;
    }
  }
  const ends = new Int32Array(n);
  for (let s = 0; s < n; s = next[s]!) ends[s] = next[s]!;
  return { score: best[0]!, ends };
}

/** Score only: the best segmentation's ln P of text[from, to). */
export function splitScore(model: CscModel, text: string, from: number, to: number): number {
  return bestSplit(model, text, from, to).score;
}
