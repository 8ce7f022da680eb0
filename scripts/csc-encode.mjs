// The sections of csc-model.bin (issue 14; format in csc-binary.mjs, reader in
// shared/proof/csc/model.ts). Every character gets a small id (< 2¹⁵, in the order of
// `chars`), so a pair of characters is one integer key, ida × 32768 + idb, the key the
// detector looks pairs up by; keyed sections are sorted by key.
import { encodeCscBinary } from './csc-binary.mjs';

const ID_BITS = 32768;

export function encodeModel({ words, conf, pairs, bigrams, miswritten, corpus, total }) {
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
  const freq1 = [], cls1 = [];
  const codes = (n) => byLen[n].flatMap(([w]) => [...w].map((c) => { id(c); return c.charCodeAt(0); }));
  const w2 = byLen[2].map(([w, v]) => [key(w), v]).sort((a, b) => a[0] - b[0]);
  const w3 = codes(3), w4 = codes(4);
  const names = [];
  for (const n of [1, 2, 3, 4]) for (const [w, v] of byLen[n]) if (v.name) names.push(w);
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
  const lmRows = keyed(corpus.bi);
  for (const c of corpus.uni.keys()) if (bmp(c)) id(c);
  const ctxChar = [], ctxRows = [];
  for (const [c, row] of corpus.ctx) if (bmp(c)) { ctxChar.push(c.charCodeAt(0)); ctxRows.push(...row); }
  const nIds = chars.length + 1;
  for (let i = 0; i < nIds; i++) { freq1.push(0); cls1.push(0); }
  for (const [w, v] of byLen[1]) { freq1[ids.get(w)] = v.freq; cls1[ids.get(w)] = v.cls; }
  const lmUni = new Array(nIds).fill(0);
  for (const [c, n] of corpus.uni) if (ids.has(c)) lmUni[ids.get(c)] = n;
  const col = (rows, k) => rows.map((r) => r[k]);
  return encodeCscBinary({ total, corpusChars: corpus.chars, classes: corpus.classes }, {
    chars: ['u16', chars],
    freq1: ['u32', freq1], cls1: ['u8', cls1],
    w2key: ['i32', col(w2, 0)], w2freq: ['u32', w2.map((r) => r[1].freq)], w2cls: ['u8', w2.map((r) => r[1].cls)],
    w3: ['u16', w3], w3freq: ['u32', byLen[3].map(([, v]) => v.freq)], w3cls: ['u8', byLen[3].map(([, v]) => v.cls)],
    w4: ['u16', w4], w4freq: ['u32', byLen[4].map(([, v]) => v.freq)], w4cls: ['u8', byLen[4].map(([, v]) => v.cls)],
    names: ['u16', [...names.join('\n')].map((c) => c.charCodeAt(0))],
    confChar: ['u16', confChar], confStart: ['u32', confStart], confList: ['u16', confList],
    pairKey: ['i32', col(pairRows, 0)], pairCount: ['u32', col(pairRows, 1)],
    bigramKey: ['i32', col(bigramRows, 0)], bigramCount: ['u32', col(bigramRows, 1)],
    miswritten: ['i32', mis],
    lmUni: ['u32', lmUni], lmKey: ['i32', col(lmRows, 0)], lmCount: ['u16', lmRows.map((r) => Math.min(65535, r[1]))],
    ctxChar: ['u16', ctxChar], ctxRows: ['u32', ctxRows],
  });
}
