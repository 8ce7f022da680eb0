// The sections of csc-model.bin (issue 14; format in csc-binary.mjs, reader in
// shared/proof/csc/model.ts). Every character gets a small id (< 2¹⁵, in the order of
// `chars`), so a pair of characters is one integer key, ida × 32768 + idb, the key the
// detector looks pairs up by; keyed sections are sorted by key.
import { encodeCscBinary } from './csc-binary.mjs';
import { intHash, longHash } from './csc-hash.mjs';
import { withDerived } from './csc-derived.mjs';

const ID_BITS = 32768;
// Corpus bigrams seen once are dropped (half the table at the same precision and recall on TRAIN).
const LM_MIN = 2;

export function encodeModel({ words, conf, pairs, bigrams, miswritten, corpus, total, wordLm = null }) {
  const ids = new Map();
  const chars = [];
  const id = (ch) => {
    let n = ids.get(ch);
    if (n === undefined) {
      if (chars.length + 1 >= ID_BITS) throw new Error('csc model: more than 32767 characters');
      ids.set(ch, (n = chars.length + 1));
      chars.push(ch.charCodeAt(0));
    }
    return n;
  };
  const key = (ab) => id(ab[0]) * ID_BITS + id(ab[1]);
  const bmp = (w) => !/[\uD800-\uDFFF]/.test(w);
  const byLen = [[], [], [], [], []];
  for (const [w, v] of words) if (bmp(w)) byLen[w.length]?.push([w, v]);
  // One-character words first: their ids index the per-character arrays.
  for (const [w] of byLen[1]) id(w);
  const confChar = [], confStart = [0], confList = [];
  for (const [c, set] of conf) {
    const others = [...set].filter(bmp);
    if (!others.length || !bmp(c)) continue;
    id(c); others.forEach(id);
    confChar.push(c.charCodeAt(0));
    confList.push(...others.map((o) => o.charCodeAt(0)));
    confStart.push(confList.length);
  }
  const keyed = (m) => [...m].filter(([k]) => k.length === 2 && bmp(k)).map(([k, n]) => [key(k), n]).sort((a, b) => a[0] - b[0]);
  const pairRows = keyed(pairs);
  const bigramRows = keyed(bigrams);
  const mis = [];
  for (const [e, n] of miswritten) {
    const [w, r] = e.split('\t');
    if (!bmp(w + r)) continue;
    const at = w[0] === r[0] ? 1 : 0;
    id(r[at]);
    mis.push(key(w), at, r.charCodeAt(at), n);
  }
  // The context model: corpus character counts (by id), bigrams, classes around words.
  const lmRows = keyed(corpus.bi).filter((r) => r[1] >= LM_MIN);
  for (const c of corpus.uni.keys()) if (bmp(c)) id(c);
  const ctxChar = [], ctxRows = [];
  for (const [c, row] of corpus.ctx) if (bmp(c)) { ctxChar.push(c.charCodeAt(0)); ctxRows.push(...row); }
  const nIds = chars.length + 1;
  const logTotal = Math.log(total);
  const lp = (v) => Math.log(v.freq) - logTotal;
  const cls = (v) => v.cls | (v.name ? 0x80 : 0);
  const lp1 = new Array(nIds).fill(NaN), cls1 = new Array(nIds).fill(0);
  for (const [w, v] of byLen[1]) { lp1[ids.get(w)] = lp(v); cls1[ids.get(w)] = cls(v); }
  // Two-character words, and (NaN) two-character beginnings of longer words that are no word.
  const w2 = new Map(byLen[2].map(([w, v]) => [key(w), [key(w), lp(v), cls(v)]]));
  const long = new Map();
  for (const n of [3, 4]) {
    for (const [w, v] of byLen[n]) {
      const k = key(w);
      if (!w2.has(k)) w2.set(k, [k, NaN, 0]);
      const third = id(w[2]);
      const b = n === 3 ? third : third * ID_BITS + id(w[3]);
      long.set(`${k},${b}`, [k, b, lp(v), cls(v)]);
    }
  }
  for (const [w] of byLen[4]) {
    const k = key(w), b = id(w[2]);
    if (!long.has(`${k},${b}`)) long.set(`${k},${b}`, [k, b, NaN, 0]);
  }
  const h2 = intHash([...w2.values()]);
  const hl = longHash([...long.values()]);
  const lmUni = new Array(nIds).fill(0);
  for (const [c, n] of corpus.uni) if (ids.has(c)) lmUni[ids.get(c)] = n;
  const hlm = intHash(lmRows);
  const col = (rows, k) => rows.map((r) => r[k]);
  // The word language model (scripts/csc-wordlm.mjs) rides along as it was built: its meta's
  // wlm* numbers and its sections.
  const wlmMeta = wordLm ? Object.fromEntries(Object.entries(wordLm.meta).filter(([k]) => k.startsWith('wlm'))) : {};
  const meta = { total, corpusChars: corpus.chars, classes: corpus.classes, ...wlmMeta };
  return encodeCscBinary(meta, withDerived(meta, {
    ...wordLm?.sections,
    chars: ['u16', chars],
    lp1: ['f32', lp1], cls1: ['u8', cls1],
    w2keys: ['i32', h2.keys], w2vals: ['f32', h2.vals], w2cls: ['u8', h2.cls],
    longA: ['i32', hl.k1], longB: ['i32', hl.k2], longVals: ['f32', hl.vals], longCls: ['u8', hl.cls],
    confChar: ['u16', confChar], confStart: ['u32', confStart], confList: ['u16', confList],
    pairKey: ['i32', col(pairRows, 0)], pairCount: ['u32', col(pairRows, 1)],
    bigramKey: ['i32', col(bigramRows, 0)], bigramCount: ['u32', col(bigramRows, 1)],
    miswritten: ['i32', mis],
    lmUni: ['u32', lmUni], lmKeys: ['i32', hlm.keys], lmVals: ['f32', hlm.vals],
    ctxChar: ['u16', ctxChar], ctxRows: ['u32', ctxRows],
  }));
}
