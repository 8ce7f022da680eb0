import type { CscContext } from './context';

// The word-class evidence for swapping one one-character word for another (context.ts's
// second part): naive Bayes over the classes of the left and the right neighbour. The
// detector asks it for ~240,000 candidates per 100,000 characters (every confusable of
// 在, 的, 再 … that is a word itself), so the rows are found by character code in a typed
// array and each side's logarithm is kept once computed (the same expression, so the
// same number), made on the first question per context model.

/** Add-α smoothing of the class counts. */
const ALPHA = 1;
/** A one-character word seen fewer times than this in the corpus has no class evidence. */
const MIN_SEEN = 20;

export interface ClassIndex {
  /** Character code → 1 + row number (0: no row). */
  rowOf: Int32Array;
  /** The rows, 2k counts each (k = classes): row r's column at is rows[r × 2k + at]. */
  rows: Uint32Array;
  /** Occurrences per row number. */
  seen: Uint32Array;
  /**
   * ln((count + α) / (seen + α·k)) by row number × 2k + column; 0 until first asked. A row's
   * count is at most its total and k ≥ 2, so every such logarithm is below 0: 0 is free to
   * mean "not yet", and the array starts as the runtime allocates it (a NaN fill of its
   * ~100,000 slots was ~0.4 ms of the CLI's proof start, issue 15).
   */
  ln: Float64Array;
  classes: number;
}

const indexes = new WeakMap<CscContext, ClassIndex>();

// The last context asked, before the WeakMap: the detector asks once per suspect position,
// and a WeakMap's get is a hash lookup the interpreter pays each time (issue 15's CLI run).
let lastContext: CscContext | null = null;
let lastIndex: ClassIndex | null = null;

export function classIndex(c: CscContext): ClassIndex {
  if (c === lastContext) return lastIndex!;
  let ix = indexes.get(c);
  if (ix) { lastContext = c; lastIndex = ix; return ix; }
  // The rows by code as csc-model.bin holds them (scripts/csc-derived.mjs, issue 15): views, no pass.
  const { rowOf, rows, rowSeen: seen } = c;
  ix = { rowOf, rows, seen, ln: new Float64Array(seen.length * 2 * c.classes), classes: c.classes };
  indexes.set(c, ix);
  lastContext = c;
  lastIndex = ix;
  return ix;
}

function side(ix: ClassIndex, r: number, at: number): number {
  const i = r * 2 * ix.classes + at;
  let v = ix.ln[i]!;
  if (v === 0) ix.ln[i] = v = Math.log((ix.rows[i]! + ALPHA) / (ix.seen[r]! + ALPHA * ix.classes));
  return v;
}

/** The row number of a character with enough class evidence, or -1. */
export function classRow(ix: ClassIndex, code: number): number {
  const r = ix.rowOf[code]! - 1;
  return r >= 0 && ix.seen[r]! >= MIN_SEEN ? r : -1;
}

/**
 * How much better one-character word `to` fits between word classes left and right than
 * the written word with row number `from` (classRow) does (ln likelihood ratio), or null
 * when the corpus has too little of either.
 */
export function classGainRow(ix: ClassIndex, from: number, to: number, left: number, right: number): number | null {
  if (from < 0) return null;
  const b = classRow(ix, to);
  if (b < 0) return null;
  const k = ix.classes;
  return side(ix, b, left) - side(ix, from, left) + side(ix, b, k + right) - side(ix, from, k + right);
}

/**
 * How much better one-character word `to` fits between word classes left and right than
 * `from` does (ln likelihood ratio), or null when the corpus has too little of either.
 */
export function classGain(c: CscContext, from: number, to: number, left: number, right: number): number | null {
  const ix = classIndex(c);
  return classGainRow(ix, classRow(ix, from), to, left, right);
}
