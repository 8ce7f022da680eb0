// The 错别字 detector's tables (issue 14): word log-probabilities from jieba's frequency
// dictionary, character confusion sets by sound and shape, and what SIGHAN-15's TRAIN
// split shows (which characters get written for which, the corrected text's character
// bigrams, two-character words miswritten), as scripts/csc-model.mjs writes them. Pure:
// main reads the file, the editor gets the same text over proof:csc-model, and both parse
// it here once.
//
// Every character gets a small id (< 2¹⁵), so a pair of characters is one small integer
// (V8 keeps it unboxed) and the segmenter's inner loop looks up numbers, never strings.

import { intGet, intSet, intTable, type IntTable } from './int-table';

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

const isBmp = (w: string) => !/[\uD800-\uDFFF]/.test(w);

export function parseCscModel(text: string): CscModel {
  const head = /^#csc-model 1 total=(\d+)/.exec(text.slice(0, 64));
  if (!head) throw new Error('not a csc model');
  const logTotal = Math.log(Number(head[1]));
  const ids = new Uint16Array(65536);
  let next = 1;
  const id = (code: number) => {
    if (!ids[code] && next < ID_BITS) ids[code] = next++;
    return ids[code]!;
  };
  const lp1 = new Float64Array(ID_BITS).fill(NaN);
  const m: CscModel = {
    ids, lp1, lp2: intTable(countWords(text, 2)), lp3: new Map(), lp4: new Map(), prefix2: new Set(), prefix3: new Set(),
    logTotal, unknown: Math.log(0.5) - logTotal,
    names: new Set(), confusables: new Map(), pairs: new Map(), prone: new Map(), bigrams: new Map(), miswritten: new Map(),
  };
  const key = (w: string) => { for (let i = 0; i < w.length; i++) id(w.charCodeAt(i)); return pairKey(m, w.charCodeAt(0), w.charCodeAt(1)); };
  const longer: string[] = [];
  let section = 0;
  // A hand scanner rather than split/slice: the word lines are 170,000, and building a
  // string for each was most of the parse (the CLI's start, the editor's first story).
  for (let pos = text.indexOf('\n') + 1; pos > 0 && pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', pos);
    if (end - pos === 1) { section = text.charCodeAt(pos); pos = end + 1; continue; }
    if (tab < 0 || tab > end) { pos = end + 1; continue; }
    const len = tab - pos;
    if (section === 87 /* W */) {
      // word<TAB>frequency[<TAB>N]: digits read in place
      let freq = 0;
      let k = tab + 1;
      for (; k < end; k++) { const d = text.charCodeAt(k) - 48; if (d < 0 || d > 9) break; freq = freq * 10 + d; }
      const lp = Math.log(freq) - logTotal;
      const named = k < end;
      const a = text.charCodeAt(pos);
      if (a >= 0xd800 && a <= 0xdfff) { pos = end + 1; continue; }
      if (len === 1) lp1[id(a)] = lp;
      else if (len === 2) {
        const b = text.charCodeAt(pos + 1);
        if (b >= 0xd800 && b <= 0xdfff) { pos = end + 1; continue; }
        intSet(m.lp2, id(a) * ID_BITS + id(b), lp);
      } else {
        const w = text.slice(pos, tab);
        if (isBmp(w)) {
          const kk = key(w);
          if (len === 3) {
            const third = m.lp3.get(kk) ?? new Map<number, number>();
            third.set(ids[w.charCodeAt(2)]!, lp);
            m.lp3.set(kk, third);
          } else m.lp4.set(w, lp);
          longer.push(w);
        }
      }
      if (named) m.names.add(text.slice(pos, tab));
    } else {
      const w = text.slice(pos, tab);
      const rest = text.slice(tab + 1, end);
      if (!isBmp(w)) { /* skip */ } else if (section === 67 /* C */) {
        id(w.charCodeAt(0));
        const others = Uint16Array.from(rest, (c) => c.charCodeAt(0)).filter((c) => c < 0xd800 || c > 0xdfff);
        others.forEach(id);
        m.confusables.set(w.charCodeAt(0), others);
      } else if (section === 80 /* P */ && len === 2) {
        const n = Number(rest);
        m.pairs.set(key(w), n);
        m.prone.set(w.charCodeAt(0), (m.prone.get(w.charCodeAt(0)) ?? 0) + n);
      } else if (section === 66 /* B */ && len === 2) {
        m.bigrams.set(key(w), Number(rest));
      } else if (section === 69 /* E */ && len === 2) {
        const [right = '', n = '0'] = rest.split('\t');
        key(right);
        addMiswritten(m, w, right, Number(n));
      }
    }
    pos = end + 1;
  }
  // Prefixes once all words are in: a prefix that is a word itself needs no entry.
  for (const w of longer) {
    const k = pairKey(m, w.charCodeAt(0), w.charCodeAt(1));
    if (intGet(m.lp2, k) === undefined) m.prefix2.add(k);
    if (w.length === 4 && logpOf(m, w.slice(0, 3)) === undefined) m.prefix3.add(w.slice(0, 3));
  }
  return m;
}

/** Lines of the W section whose word has `len` characters (to size the table once). */
function countWords(text: string, len: number): number {
  let n = 0;
  const from = text.indexOf('\nW\n');
  const to = text.indexOf('\nC\n');
  for (let i = text.indexOf('\n', from + 1); i >= 0 && (to < 0 || i < to); i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i + 1 + len) === 9) n++;
  return n;
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
