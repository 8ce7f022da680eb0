// The 错别字 detector's tables (issue 14): word log-probabilities from jieba's frequency
// dictionary, character confusion sets by sound and shape, and what SIGHAN-15's TRAIN
// split shows (which characters get written for which, the corrected text's character
// bigrams, two-character words miswritten), as scripts/csc-model.mjs writes them. Pure:
// main reads the file, the editor gets the same bytes over proof:csc-table, and both map
// it here once.
//
// Every character gets a small id (< 2¹⁵), so a pair of characters is one small integer
// (V8 keeps it unboxed) and the segmenter's inner loop looks up numbers, never strings.

import { intGet, intSet, intTable, type IntTable } from './int-table';
import { codesToString, readCscBinary } from './binary';
import { readContext, type CscContext } from './context';

const ID_BITS = 32768;

export interface CscModel {
  /** Character code → id (0: a character no table knows). */
  ids: Uint16Array;
  /** ln P of each character as a one-character word, by id (NaN: not a word). */
  lp1: Float64Array;
  /** ln P of two-character words, by pairKey (intGet). */
  lp2: IntTable;
  /** ln P of three-character words: pairKey of the first two → id of the third → ln P. */
  lp3: Map<number, Map<number, number>>;
  /** ln P of four-character words. */
  lp4: Map<string, number>;
  /** pairKeys that begin a longer word without being a word themselves. */
  prefix2: Set<number>;
  /** Three-character beginnings of four-character words. */
  prefix3: Set<string>;
  /** ln of the dictionary's total count: ln P + logTotal is ln(frequency). */
  logTotal: number;
  /** ln P of a character the dictionary does not know as a word. */
  unknown: number;
  /** Words that are person names or places (jieba nr/ns): never "corrected". */
  names: Set<string>;
  /** Each common character's confusables (same or near sound, similar shape), by code → codes. */
  confusables: Map<number, Uint16Array>;
  /** How often TRAIN shows character X written for Y, by pairKey(X, Y). */
  pairs: Map<number, number>;
  /** How often TRAIN shows each character written in place of another, by code. */
  prone: Map<number, number>;
  /** Character bigram counts of TRAIN's corrected text, by pairKey. */
  bigrams: Map<number, number>;
  /**
   * Two-character words TRAIN shows miswritten (以经 for 已经), by pairKey of the wrong pair:
   * flat triples [offset of the wrong character (0 or 1), right character's code, count].
   */
  miswritten: Map<number, number[]>;
  /** Word class (scripts/csc-corpus.mjs CLASSES) of one-character words, by id. */
  cls1: Uint8Array;
  /** Word class of two-character words, by lp2's slot (intSlot). */
  cls2: Uint8Array;
  /** Word class of three- and four-character words. */
  clsLong: Map<string, number>;
  /** The context model from licensed running text (context.ts). */
  context: CscContext;
}

/** The key of two characters (codes) in the pair maps; -1 when either has no id. */
export function pairKey(m: CscModel, a: number, b: number): number {
  const ia = m.ids[a]!;
  const ib = m.ids[b]!;
  return ia && ib ? ia * ID_BITS + ib : -1;
}

/** ln P of a word of 1–4 characters, undefined when not in the dictionary. */
export function logpOf(m: CscModel, w: string): number | undefined {
  if (w.length === 1) { const v = m.lp1[m.ids[w.charCodeAt(0)]!]!; return Number.isNaN(v) ? undefined : v; }
  if (w.length === 2) { const k = pairKey(m, w.charCodeAt(0), w.charCodeAt(1)); return k > 0 ? intGet(m.lp2, k) : undefined; }
  if (w.length === 3) return m.lp3.get(pairKey(m, w.charCodeAt(0), w.charCodeAt(1)))?.get(m.ids[w.charCodeAt(2)]!);
  return m.lp4.get(w);
}

export function parseCscModel(bytes: Uint8Array): CscModel {
  const bin = readCscBinary(bytes);
  const total = Number(bin.meta.total);
  const logTotal = Math.log(total);
  const chars = bin.u16('chars');
  const ids = new Uint16Array(65536);
  for (let i = 0; i < chars.length; i++) ids[chars[i]!] = i + 1;
  const lp1 = new Float64Array(ID_BITS).fill(NaN);
  const freq1 = bin.u32('freq1');
  for (let i = 1; i < freq1.length; i++) if (freq1[i]) lp1[i] = Math.log(freq1[i]!) - logTotal;
  const w2key = bin.i32('w2key');
  const w2freq = bin.u32('w2freq');
  const w2cls = bin.u8('w2cls');
  const lp2 = intTable(w2key.length);
  const cls2 = new Uint8Array(lp2.keys.length);
  for (let i = 0; i < w2key.length; i++) cls2[intSet(lp2, w2key[i]!, Math.log(w2freq[i]!) - logTotal)] = w2cls[i]!;
  const m: CscModel = {
    ids, lp1, lp2, lp3: new Map(), lp4: new Map(), prefix2: new Set(), prefix3: new Set(),
    logTotal, unknown: Math.log(0.5) - logTotal,
    names: new Set(), confusables: new Map(), pairs: new Map(), prone: new Map(), bigrams: new Map(), miswritten: new Map(),
    cls1: bin.u8('cls1'), cls2, clsLong: new Map(), context: readContext(bin, ids),
  };
  const longer = (name: 'w3' | 'w4', n: 3 | 4) => {
    const codes = bin.u16(name);
    const freq = bin.u32(`${name}freq`);
    const cls = bin.u8(`${name}cls`);
    for (let i = 0; i < freq.length; i++) {
      const w = String.fromCharCode(...codes.subarray(i * n, i * n + n));
      const lp = Math.log(freq[i]!) - logTotal;
      const k = pairKey(m, w.charCodeAt(0), w.charCodeAt(1));
      if (n === 3) {
        const third = m.lp3.get(k) ?? new Map<number, number>();
        third.set(ids[w.charCodeAt(2)]!, lp);
        m.lp3.set(k, third);
      } else m.lp4.set(w, lp);
      m.clsLong.set(w, cls[i]!);
      // Prefixes: a prefix that is a word itself needs no entry.
      if (intGet(lp2, k) === undefined) m.prefix2.add(k);
    }
  };
  longer('w3', 3);
  longer('w4', 4);
  for (const w of m.lp4.keys()) if (logpOf(m, w.slice(0, 3)) === undefined) m.prefix3.add(w.slice(0, 3));
  for (const w of codesToString(bin.u16('names')).split('\n')) if (w) m.names.add(w);
  const confChar = bin.u16('confChar');
  const confStart = bin.u32('confStart');
  const confList = bin.u16('confList');
  for (let i = 0; i < confChar.length; i++) m.confusables.set(confChar[i]!, confList.subarray(confStart[i]!, confStart[i + 1]!));
  const pk = bin.i32('pairKey');
  const pc = bin.u32('pairCount');
  for (let i = 0; i < pk.length; i++) {
    m.pairs.set(pk[i]!, pc[i]!);
    const wrong = chars[Math.floor(pk[i]! / ID_BITS) - 1]!;
    m.prone.set(wrong, (m.prone.get(wrong) ?? 0) + pc[i]!);
  }
  const bk = bin.i32('bigramKey');
  const bc = bin.u32('bigramCount');
  for (let i = 0; i < bk.length; i++) m.bigrams.set(bk[i]!, bc[i]!);
  const mis = bin.i32('miswritten');
  for (let i = 0; i + 3 < mis.length; i += 4) {
    const list = m.miswritten.get(mis[i]!) ?? [];
    list.push(mis[i + 1]!, mis[i + 2]!, mis[i + 3]!);
    m.miswritten.set(mis[i]!, list);
  }
  return m;
}

/** Records that `wrong` was written for the word `right` (two characters, one apart). */
export function addMiswritten(m: CscModel, wrong: string, right: string, n: number): void {
  if (wrong.length !== 2 || right.length !== 2) return;
  const at = wrong[0] === right[0] ? 1 : 0;
  if (wrong[1 - at] !== right[1 - at]) return;
  const k = pairKey(m, wrong.charCodeAt(0), wrong.charCodeAt(1));
  if (k < 0) return;
  const list = m.miswritten.get(k) ?? [];
  list.push(at, right.charCodeAt(at), n);
  m.miswritten.set(k, list);
}
