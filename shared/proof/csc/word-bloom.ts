import type { IntTable } from './int-table';

/**
 * A bit per hash of each two-character word's key (not the prefixes'): 128 KB that stay in
 * the cache where the 2 MB word table does not, so the ~380,000 look-ups per 100,000
 * characters of a candidate with a loose neighbour, nearly all for no word, mostly end
 * here. The build makes the bits (scripts/csc-derived.mjs, section w2bloom) and the reader
 * adopts them (adoptBloom), so even the CLI's short run on one page has them: it made ~60 %
 * of its word look-ups in the hash table without them (issue 15, `proof-cli-start`). A table
 * without build-made bits gets them once it has been asked BLOOM_AFTER times: the pass over
 * its 262,144 slots costs ~10 ms without the optimizing compiler, more than a page saves.
 */
export const BLOOM_SHIFT = 12;
const BLOOM_AFTER = 50_000;
const blooms = new WeakMap<IntTable, Uint32Array>();
const asked = new WeakMap<IntTable, number>();
let lastTable: IntTable | null = null;
let lastBits: Uint32Array | null = null;

export function bloomOf(t: IntTable): Uint32Array {
  let bits = blooms.get(t);
  if (bits) return bits;
  bits = bloomBits(t);
  blooms.set(t, bits);
  return bits;
}

/** The bits of table t, computed (what the build writes; tests/unit/csc-layout.test.ts compares). */
export function bloomBits(t: IntTable): Uint32Array {
  const bits = new Uint32Array(1 << (32 - BLOOM_SHIFT - 5));
  for (let i = 0; i < t.keys.length; i++) {
    const key = t.keys[i]!;
    if (key === 0 || t.vals[i] !== t.vals[i]) continue;
    const h = Math.imul(key, 0x9e3779b1) >>> BLOOM_SHIFT;
    bits[h >>> 5]! |= 1 << (h & 31);
  }
  return bits;
}

/** Takes the build's bits for table t (the reader, model.ts). */
export function adoptBloom(t: IntTable, bits: Uint32Array): void {
  blooms.set(t, bits);
}

/** The table's bloom bits once made or adopted, or once it has been asked `more` + earlier times past BLOOM_AFTER; else null. */
export function bloomAfter(t: IntTable, more: number): Uint32Array | null {
  // The last table's bits before the WeakMap: asked once per suspect position, and a
  // WeakMap's get is a hash lookup the interpreter pays each time (issue 15's CLI run).
  if (t === lastTable) return lastBits;
  const bits = blooms.get(t);
  if (bits) { lastTable = t; lastBits = bits; return bits; }
  const n = (asked.get(t) ?? 0) + more;
  asked.set(t, n);
  return n >= BLOOM_AFTER ? bloomOf(t) : null;
}

/** Whether key k may be a word (false: it is none). candidates.ts word2Bloom writes this test out. */
export function bloomHas(bits: Uint32Array, k: number): boolean {
  const h = Math.imul(k, 0x9e3779b1) >>> BLOOM_SHIFT;
  return (bits[h >>> 5]! & (1 << (h & 31))) !== 0;
}
