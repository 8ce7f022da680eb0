// A fixed-size open-addressing hash table from positive int32 keys to float values, in two
// typed arrays: the detector's two-character words (110,000 of them) are looked up without
// a Map's boxing or rehashing. The tables of csc-model.bin are built at build time
// (scripts/csc-hash.mjs, the same slot function) and mapped as they are (intTableOf).

export interface IntTable {
  keys: Int32Array;
  vals: Float64Array | Float32Array;
  mask: number;
  /** 32 − log2(capacity): the hash's top bits pick the slot. */
  shift: number;
  size: number;
}

export function intTable(expected: number): IntTable {
  let cap = 1024;
  let bits = 10;
  while (cap < expected * 2) { cap *= 2; bits++; }
  return { keys: new Int32Array(cap), vals: new Float64Array(cap), mask: cap - 1, shift: 32 - bits, size: 0 };
}

/**
 * A table built elsewhere with this slot function (keys.length a power of two). Its size is
 * counted when first asked (only intSet needs it): counting 262,144 slots was a fifth of the
 * tables' load time in `edition-desk proof` (issue 15), and the lookups never ask.
 */
export function intTableOf(keys: Int32Array, vals: Float32Array): IntTable {
  const bits = Math.log2(keys.length);
  if (!Number.isInteger(bits)) throw new Error('intTable: size is not a power of two');
  let size = -1;
  return {
    keys, vals, mask: keys.length - 1, shift: 32 - bits,
    get size() {
      if (size < 0) { size = 0; for (let i = 0; i < keys.length; i++) if (keys[i]) size++; }
      return size;
    },
    set size(n: number) { size = n; },
  };
}

/**
 * A table of unique keys (> 0) and their values, from the parallel lists csc-model.bin
 * stores its counts in: one pass of typed-array writes, where a Map of the same 20,000
 * pairs took longer to fill at start-up and to look up in (issue 15).
 */
export function intTableFrom(keys: Int32Array, vals: ArrayLike<number>): IntTable {
  const t = intTable(keys.length);
  const { mask, shift } = t;
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n]!;
    let i = Math.imul(key, 0x9e3779b1) >>> shift;
    while (t.keys[i] !== 0 && t.keys[i] !== key) i = (i + 1) & mask;
    t.keys[i] = key;
    t.vals[i] = vals[n]!;
  }
  t.size = keys.length;
  return t;
}

// Fibonacci hashing spreads the packed character ids over the table: the product's top
// bits, which depend on every bit of the key (its low bits depend on the key's low bits
// alone, the second character's id, and clustered the table into long probe runs). Written
// out in each function below, not called: the CLI's short run interprets these, and there a
// call per look-up was a tenth of intGet's time (issue 15).

/** Sets key (> 0) to value; the table must have room (it does not grow). Returns the slot. */
export function intSet(t: IntTable, key: number, value: number): number {
  for (let i = Math.imul(key, 0x9e3779b1) >>> t.shift; ; i = (i + 1) & t.mask) {
    const k = t.keys[i]!;
    if (k === key) { t.vals[i] = value; return i; }
    if (k === 0) {
      if (t.size * 2 >= t.keys.length) throw new Error('intTable full');
      t.keys[i] = key; t.vals[i] = value; t.size++; return i;
    }
  }
}

/** The slot of key (an index into arrays kept beside the table), or -1. */
export function intSlot(t: IntTable, key: number): number {
  for (let i = Math.imul(key, 0x9e3779b1) >>> t.shift; ; i = (i + 1) & t.mask) {
    const k = t.keys[i]!;
    if (k === key) return i;
    if (k === 0) return -1;
  }
}

/** The value of key, or undefined. */
export function intGet(t: IntTable, key: number): number | undefined {
  for (let i = Math.imul(key, 0x9e3779b1) >>> t.shift; ; i = (i + 1) & t.mask) {
    const k = t.keys[i]!;
    if (k === key) return t.vals[i];
    if (k === 0) return undefined;
  }
}
