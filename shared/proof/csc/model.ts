// The 错别字 detector's tables (issue 14): word log-probabilities from jieba's frequency
// dictionary, character confusion sets by sound and shape, and what SIGHAN-15's TRAIN
// split shows (which characters get written for which, and the corrected text's character
// bigrams), as scripts/csc-model.mjs writes them. Pure: main reads the file, the editor
// gets the same text over proof:csc-model, and both parse it here once.
//
// Words of up to three characters are keyed by their UTF-16 codes packed into one number
// (a·2¹⁶ + b, (a·2¹⁶ + b)·2¹⁶ + c: exact below 2⁵³), so the segmenter's inner loop looks
// numbers up instead of building strings; four-character words keep string keys.

export const key2 = (a: number, b: number): number => a * 65536 + b;

export interface CscModel {
  /** ln P of words of 1–3 characters, by packed key. */
  lp: Map<number, number>;
  /** ln P of four-character words. */
  lp4: Map<string, number>;
  /** Packed keys of 2- and 3-character prefixes of longer words that are not words themselves. */
  prefixes: Set<number>;
  /** ln of the dictionary's total count: ln P + logTotal is ln(frequency). */
  logTotal: number;
  /** ln P of a character the dictionary does not know as a word. */
  unknown: number;
  /** Words that are person names or places (jieba nr/ns): never "corrected". */
  names: Set<string>;
  /** Each common character's confusables (same or near sound, similar shape), by code. */
  confusables: Map<number, Uint16Array>;
  /** How often TRAIN shows character X written for Y, by key2(X, Y). */
  pairs: Map<number, number>;
  /** How often TRAIN shows each character written in place of another. */
  prone: Map<number, number>;
  /** Character bigram counts of TRAIN's corrected text, by key2. */
  bigrams: Map<number, number>;
  /**
   * Two-character words TRAIN shows miswritten (以经 for 已经), by key2 of the wrong pair:
   * flat triples [offset of the wrong character (0 or 1), right character, count].
   */
  miswritten: Map<number, number[]>;
}

const isBmp = (w: string) => !/[\uD800-\uDFFF]/.test(w);

/** Packed key of a word of 1–3 BMP characters. */
export function wordKey(w: string): number {
  let k = 0;
  for (let i = 0; i < w.length; i++) k = k * 65536 + w.charCodeAt(i);
  return k;
}

/** ln P of a word of any kept length, undefined when not in the dictionary. */
export function logpOf(model: CscModel, w: string): number | undefined {
  return w.length <= 3 ? model.lp.get(wordKey(w)) : model.lp4.get(w);
}

export function parseCscModel(text: string): CscModel {
  const lines = text.split('\n');
  const head = /^#csc-model 1 total=(\d+)/.exec(lines[0] ?? '');
  if (!head) throw new Error('not a csc model');
  const logTotal = Math.log(Number(head[1]));
  const m: CscModel = {
    lp: new Map(), lp4: new Map(), prefixes: new Set(), logTotal, unknown: Math.log(0.5) - logTotal,
    names: new Set(), confusables: new Map(), pairs: new Map(), prone: new Map(), bigrams: new Map(), miswritten: new Map(),
  };
  let section = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 1) { section = line; continue; }
    const tab = line.indexOf('\t');
    if (tab < 1) continue;
    const key = line.slice(0, tab);
    if (!isBmp(key)) continue;
    if (section === 'W') {
      const tab2 = line.indexOf('\t', tab + 1);
      const lp = Math.log(Number(tab2 < 0 ? line.slice(tab + 1) : line.slice(tab + 1, tab2))) - logTotal;
      if (key.length <= 3) m.lp.set(wordKey(key), lp); else m.lp4.set(key, lp);
      if (tab2 > 0) m.names.add(key);
    } else if (section === 'C') {
      const others = line.slice(tab + 1);
      m.confusables.set(key.charCodeAt(0), Uint16Array.from(others, (c) => c.charCodeAt(0)).filter((c) => c < 0xd800 || c > 0xdfff));
    } else if (section === 'P' && key.length === 2) {
      const n = Number(line.slice(tab + 1));
      m.pairs.set(key2(key.charCodeAt(0), key.charCodeAt(1)), n);
      m.prone.set(key.charCodeAt(0), (m.prone.get(key.charCodeAt(0)) ?? 0) + n);
    } else if (section === 'B' && key.length === 2) {
      m.bigrams.set(key2(key.charCodeAt(0), key.charCodeAt(1)), Number(line.slice(tab + 1)));
    } else if (section === 'E' && key.length === 2) {
      const [right = '', n = '0'] = line.slice(tab + 1).split('\t');
      addMiswritten(m.miswritten, key, right, Number(n));
    }
  }
  // Prefixes after all words are in: a prefix that is a word itself needs no entry.
  for (const w of m.lp4.keys()) addPrefixes(m, w);
  for (const k of m.lp.keys()) if (k >= 2 ** 32) { /* 3-char words: their 2-char prefix */ addPrefix(m, Math.floor(k / 65536)); }
  return m;
}

/** Records that `wrong` was written for the word `right` (same length 2, one character apart). */
export function addMiswritten(map: Map<number, number[]>, wrong: string, right: string, n: number): void {
  if (wrong.length !== 2 || right.length !== 2) return;
  const at = wrong[0] === right[0] ? 1 : 0;
  if (wrong[1 - at] !== right[1 - at]) return;
  const k = key2(wrong.charCodeAt(0), wrong.charCodeAt(1));
  const list = map.get(k) ?? [];
  list.push(at, right.charCodeAt(at), n);
  map.set(k, list);
}

function addPrefix(m: CscModel, k: number): void {
  if (!m.lp.has(k)) m.prefixes.add(k);
}

function addPrefixes(m: CscModel, w: string): void {
  addPrefix(m, wordKey(w.slice(0, 2)));
  addPrefix(m, wordKey(w.slice(0, 3)));
}
