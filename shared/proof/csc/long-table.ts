// Words of three and four characters (issue 14's 错别字 tables) in one open-addressing hash
// table keyed by two integers: the pair key of the first two characters, and the third's id
// (a three-character word) or third × 32768 + fourth (a four-character word). Built at
// build time (scripts/csc-hash.mjs, the same slot function) and stored as it is, so loading
// is three typed-array views, not 20,000 strings in Maps. A NaN value marks a prefix that
// is no word itself (the segmenter goes on to the fourth character).

export interface LongTable {
  k1: Int32Array;
  k2: Int32Array;
  vals: Float32Array;
  /** Word class of each slot's word (bit 0x80: a name or place). */
  cls: Uint8Array;
  mask: number;
  shift: number;
}

export function longTable(k1: Int32Array, k2: Int32Array, vals: Float32Array, cls: Uint8Array): LongTable {
  const bits = Math.log2(k1.length);
  if (!Number.isInteger(bits)) throw new Error('long table: size is not a power of two');
  return { k1, k2, vals, cls, mask: k1.length - 1, shift: 32 - bits };
}

/** The slot of (a, b), or -1. */
export function longSlot(t: LongTable, a: number, b: number): number {
  // The slot of (a, b) as scripts/csc-hash.mjs places it, written out rather than called
  // (the CLI's short run interprets this, and a call per look-up costs there: issue 15).
  for (let i = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> t.shift; ; i = (i + 1) & t.mask) {
    const k = t.k1[i]!;
    if (k === a && t.k2[i] === b) return i;
    if (k === 0) return -1;
  }
}

/** The value at (a, b) (NaN: a prefix only), or undefined. */
export function longGet(t: LongTable, a: number, b: number): number | undefined {
  const i = longSlot(t, a, b);
  return i < 0 ? undefined : t.vals[i];
}
