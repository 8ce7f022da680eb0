// What the 错别字 detector builds from csc-model.bin's sections, built here at build time
// instead, in the memory layout the reader (shared/proof/csc/model.ts) maps as it is
// (issue 15, item 3): `edition-desk proof` on a page spent ~9 ms of its ~50 ms above
// `node -e 0` making these on every start (a 65,536-entry id table, two hash tables
// filled from their lists, a sum per pair, 3 × 32,768 priors with 21,000 logarithms).
// The values are those the reader computed, the same expressions in the same order, so
// every number is bit-identical (tests/unit/csc-layout.test.ts recomputes them in the
// reader's terms and compares; bench/csc-same.ts hashes every finding before and after).
// Derived only: no count, word or character of the model changes.

import { intHash } from './csc-hash.mjs';

const ID_BITS = 32768;
/** The context model's prior strength: shared/proof/csc/context.ts's MU (the test checks they agree). */
const MU = 20;
/** word-bloom.ts's BLOOM_SHIFT (the layout test compares the bits). */
const BLOOM_SHIFT = 12;

/** The model's own sections ({ name: [type, values] }, csc-encode.mjs) with the derived ones after them. */
export function withDerived(meta, sections) {
  return { ...sections, ...derivedSections(meta, sections) };
}

function derivedSections(meta, sections) {
  const chars = sections.chars[1];
  // Character code → id (0: a character no table knows).
  const ids = new Uint16Array(65536);
  for (let i = 0; i < chars.length; i++) ids[chars[i]] = i + 1;
  // The pair and bigram counts as the detector's hash tables (int-table.ts's slot function).
  // Counts are integers below 2²⁴, so a float32 holds each exactly.
  const table = (keys, counts) => {
    for (const n of counts) if (n >= 2 ** 24) throw new Error('csc model: a count a float32 cannot hold');
    for (let i = 1; i < keys.length; i++) if (!(keys[i] > keys[i - 1])) throw new Error('csc model: count keys not ascending');
    return intHash(Array.from(keys, (k, i) => [k, counts[i]]));
  };
  const pairs = table(sections.pairKey[1], sections.pairCount[1]);
  const bigrams = table(sections.bigramKey[1], sections.bigramCount[1]);
  // How often each character is written for another (TRAIN), summed by code in key order.
  const prone = new Map();
  const pk = sections.pairKey[1], pc = sections.pairCount[1];
  for (let i = 0; i < pk.length; i++) {
    const wrong = chars[Math.floor(pk[i] / ID_BITS) - 1];
    prone.set(wrong, (prone.get(wrong) ?? 0) + pc[i]);
  }
  // Confusables by code: 1 + the row of confChar (0: none).
  const confRow = new Uint16Array(65536);
  sections.confChar[1].forEach((c, i) => { confRow[c] = i + 1; });
  // The context model's per-character terms (context.ts readContext's loop, as it was).
  const uni = sections.lmUni[1];
  let total = 0, kinds = 0;
  for (let i = 0; i < uni.length; i++) if (uni[i]) { total += uni[i]; kinds++; }
  const prior = new Float64Array(ID_BITS).fill(0.5 / (total + 0.5 * kinds));
  const lnPrior = new Float64Array(ID_BITS).fill(Math.log(prior[0]));
  const lnDen = new Float64Array(ID_BITS).fill(Math.log(MU));
  for (let i = 0; i < uni.length; i++) {
    if (!uni[i]) continue;
    prior[i] = (uni[i] + 0.5) / (total + 0.5 * kinds);
    lnPrior[i] = Math.log(prior[i]);
    lnDen[i] = Math.log(uni[i] + MU);
  }
  // Each class row's occurrences (its left half summed), and the row of each character by
  // code (1 + its index in ctxChar; 0: none, or a character without an id, as readContext skipped).
  const ctxChar = sections.ctxChar[1], rows = sections.ctxRows[1];
  const classes = Number(meta.classes);
  const ctxSeen = new Uint32Array(ctxChar.length);
  const ctxRowOf = new Int32Array(65536);
  for (let i = 0; i < ctxChar.length; i++) {
    let n = 0;
    for (let j = i * 2 * classes; j < i * 2 * classes + classes; j++) n += rows[j];
    ctxSeen[i] = n;
    if (ids[ctxChar[i]]) ctxRowOf[ctxChar[i]] = i + 1;
  }
  // The two-character words' bloom bits (shared/proof/csc/word-bloom.ts bloomBits: the same
  // hash and shift over the word table's slots, a NaN value being a prefix only, not a word).
  const w2keys = sections.w2keys[1], w2vals = sections.w2vals[1];
  const w2bloom = new Uint32Array(1 << (32 - BLOOM_SHIFT - 5));
  for (let i = 0; i < w2keys.length; i++) {
    if (w2keys[i] === 0 || w2vals[i] !== w2vals[i]) continue;
    const h = Math.imul(w2keys[i], 0x9e3779b1) >>> BLOOM_SHIFT;
    w2bloom[h >>> 5] |= 1 << (h & 31);
  }
  return {
    w2bloom: ['u32', w2bloom],
    ids: ['u16', ids], confRow: ['u16', confRow],
    pairSlots: ['i32', pairs.keys], pairSlotCounts: ['f32', pairs.vals],
    bigramSlots: ['i32', bigrams.keys], bigramSlotCounts: ['f32', bigrams.vals],
    proneChar: ['u16', [...prone.keys()]], proneCount: ['u32', [...prone.values()]],
    lmPrior: ['f64', prior], lmLnPrior: ['f64', lnPrior], lmLnDen: ['f64', lnDen],
    ctxSeen: ['u32', ctxSeen], ctxRowOf: ['i32', ctxRowOf],
  };
}
