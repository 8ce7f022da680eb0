import { NAME_BIT, classByteAt, type CscModel } from './model';

// Word classes along the best segmentation of a run (issue 14's context model): for each
// offset that is a one-character word, the class of the word before it and the word after
// it (0: the run's edge, 1: a word the dictionary does not class), as the context model's
// counts were taken (scripts/csc-corpus.mjs).

/** The dictionary's class of a word of 1–4 characters (name bit cleared); 1 when it has none. */
export function wordClass(m: CscModel, run: string, s: number, e: number): number {
  const b = classByteAt(m, run, s, e);
  return b > 0 ? (b & ~NAME_BIT) || 1 : 1;
}

/**
 * For each offset of `run` that is a one-character word on the path `ends` (bestSplit's),
 * the classes of its neighbours: left in [2i], right in [2i + 1]; -1 elsewhere. Written into
 * `into` when it is long enough (the detector's array reused per run, issue 15).
 */
export function neighbourClasses(m: CscModel, run: string, ends: Int32Array, into?: Int8Array): Int8Array {
  const out = into && into.length >= 2 * run.length ? into : new Int8Array(2 * run.length);
  out.fill(-1, 0, 2 * run.length);
  let prevStart = -1;
  for (let s = 0; s < run.length;) {
    const e = ends[s]! || s + 1;
    if (e - s === 1) {
      out[2 * s] = prevStart < 0 ? 0 : wordClass(m, run, prevStart, s);
      out[2 * s + 1] = e >= run.length ? 0 : wordClass(m, run, e, ends[e]! || e + 1);
    }
    prevStart = s;
    s = e;
  }
  return out;
}
