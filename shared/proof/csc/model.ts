// The 错别字 detector's tables (issue 14): word log-probabilities from jieba's frequency
// dictionary, character confusion sets by sound and shape, and what SIGHAN-15's TRAIN
// split shows (which characters get written for which, the corrected text's character
// bigrams, two-character words miswritten), and the context model from licensed running
// text, as scripts/csc-model.mjs writes them into csc-model.bin. Pure: main reads the file,
// the editor gets the same bytes as one binary response (media.ts serveTable), and both map it here once — typed
// views of the one buffer, the hash tables as the build made them, a few small Maps.
//
// Every character gets a small id (< 2¹⁵), so a pair of characters is one small integer
// (V8 keeps it unboxed) and the segmenter's inner loop looks up numbers, never strings.

import { intGet, intSlot, intTableOf, type IntTable } from './int-table';
import { longSlot, longTable, type LongTable } from './long-table';
import { readCscBinary } from './binary';
import { readContext, type CscContext } from './context';
import { adoptBloom } from './word-bloom';
import { readWordLm, type WordLm } from './word-lm';

const ID_BITS = 32768;

export interface CscModel {
  /** Character code → id (0: a character no table knows). */
  ids: Uint16Array;
  /** ln P of each character as a one-character word, by id (NaN: not a word). */
  lp1: Float32Array | Float64Array;
  /** ln P of two-character words, by pairKey (intGet; NaN: no word, only the beginning of a longer one). */
  lp2: IntTable;
  /** ln P of three- and four-character words (long-table.ts; NaN: a beginning only). */
  long: LongTable;
  /** ln of the dictionary's total count: ln P + logTotal is ln(frequency). */
  logTotal: number;
  /** ln P of a character the dictionary does not know as a word. */
  unknown: number;
  /** Each common character's confusables (same or near sound, similar shape), by code → codes. */
  confusables: ConfusableLookup;
  /** How often TRAIN shows character X written for Y, by pairKey(X, Y) (asked for every candidate: a hash table, issue 15). */
  pairs: CountLookup;
  /** How often TRAIN shows each character written in place of another, by code. */
  prone: CodeCounts;
  /** Character bigram counts of TRAIN's corrected text, by pairKey (a hash table, not a Map: issue 15). */
  bigrams: CountLookup;
  /**
   * Two-character words TRAIN shows miswritten (以经 for 已经), by pairKey of the wrong pair:
   * flat triples [offset of the wrong character (0 or 1), right character's code, count].
   */
  miswritten: Map<number, number[]>;
  /**
   * Word class (scripts/csc-corpus.mjs CLASSES) of one-character words by id, of
   * two-character words by lp2's slot (intSlot); bit 0x80 marks a person or place name
   * (jieba nr/ns), never "corrected".
   */
  cls1: Uint8Array;
  cls2: Uint8Array;
  /** The context model from licensed running text (context.ts). */
  context: CscContext;
  /** The word bigram language model (word-lm.ts; null: a table built without it). */
  wordLm: WordLm | null;
}

/** Confusables by character code, answered as a Map's get answers (undefined: none). */
export interface ConfusableLookup {
  get(code: number): Uint16Array | undefined;
}

/** A count by character code, answered and listed as a Map's get and entries answer. */
export interface CodeCounts {
  get(code: number): number | undefined;
  [Symbol.iterator](): Iterator<[number, number]>;
}

/** A read-only count by integer key, answered as a Map's get and has answer. */
export interface CountLookup {
  get(key: number): number | undefined;
  has(key: number): boolean;
  /**
   * The keys in ascending order and their counts, when the table was built from such lists
   * (csc-model.bin's are): the detector reads one character's pairs as a range of them.
   */
  sortedKeys?: Int32Array;
  sortedCounts?: Uint32Array;
}

/** Class byte bit: a person or place name. */
export const NAME_BIT = 0x80;

/** The key of two characters (codes) in the pair maps; -1 when either has no id. */
export function pairKey(m: CscModel, a: number, b: number): number {
  const ia = m.ids[a]!;
  const ib = m.ids[b]!;
  return ia && ib ? ia * ID_BITS + ib : -1;
}

/** ln P of the two-character word with this pair key, undefined when it is none. */
export function word2(m: CscModel, key: number): number | undefined {
  const v = intGet(m.lp2, key);
  return v === undefined || v !== v ? undefined : v;
}

/** The table slot of a word of 1–4 characters and its class byte, or -1 when no word. */
export function wordClassByte(m: CscModel, w: string): number {
  return classByteAt(m, w, 0, w.length);
}

/**
 * wordClassByte of text[s, e), read by character code: the detector asks it for every word
 * of every run, and a slice per word was a string to make and collect (the 100k run).
 */
export function classByteAt(m: CscModel, t: string, s: number, e: number): number {
  lookWord(m, t, s, e);
  return found.cls;
}

/** The second key of a three- or four-character word text[s, e) in the long table (0: an unknown character). */
function longKey(m: CscModel, t: string, s: number, e: number): number {
  const c = m.ids[t.charCodeAt(s + 2)]!;
  if (e - s === 3 || !c) return c;
  const d = m.ids[t.charCodeAt(s + 3)]!;
  return d ? c * ID_BITS + d : 0;
}

/** ln P of a word of 1–4 characters, undefined when not in the dictionary. */
export function logpOf(m: CscModel, w: string): number | undefined {
  return logpAt(m, w, 0, w.length);
}

/** logpOf of text[s, e), by character code (no slice: see classByteAt). */
export function logpAt(m: CscModel, t: string, s: number, e: number): number | undefined {
  lookWord(m, t, s, e);
  return found.lp === found.lp ? found.lp : undefined;
}

/**
 * What lookWord found last: the word's ln P (NaN: no word) and class byte (-1: none). One
 * object, reused: read it before the next look-up (logpAt and classByteAt look up through it).
 */
export const found = { lp: NaN, cls: -1 };

/**
 * A word of 1–4 characters, text[s, e), looked up once by character code into `found`, its
 * ln P and class byte both: the detector asks both of every word on every run's path, and in
 * the CLI's short run (interpreted) a second look-up of the same key was ~0.5 ms of the seed
 * page (issue 15). logpAt and classByteAt read one each.
 */
export function lookWord(m: CscModel, t: string, s: number, e: number): void {
  found.lp = NaN;
  found.cls = -1;
  if (e - s === 1) {
    const a = m.ids[t.charCodeAt(s)]!;
    const v = m.lp1[a]!;
    if (v === v) { found.lp = v; found.cls = m.cls1[a]!; }
    return;
  }
  const k = pairKey(m, t.charCodeAt(s), t.charCodeAt(s + 1));
  if (k < 0) return;
  if (e - s === 2) {
    const i = intSlot(m.lp2, k);
    const v = i >= 0 ? m.lp2.vals[i]! : NaN;
    if (v === v) { found.lp = v; found.cls = m.cls2[i]!; }
    return;
  }
  const b = longKey(m, t, s, e);
  const i = b ? longSlot(m.long, k, b) : -1;
  const v = i >= 0 ? m.long.vals[i]! : NaN;
  if (v === v) { found.lp = v; found.cls = m.long.cls[i]!; }
}

/** Whether a word is a person or place name in the dictionary. */
export function isName(m: CscModel, w: string): boolean {
  return isNameAt(m, w, 0, w.length);
}

/** isName of text[s, e), by character code. */
export function isNameAt(m: CscModel, t: string, s: number, e: number): boolean {
  const b = classByteAt(m, t, s, e);
  return b >= 0 && (b & NAME_BIT) !== 0;
}

/**
 * Counts by key: the build's hash table (scripts/csc-derived.mjs) with the sorted lists it
 * was made from (csc-model.bin's pair and bigram sections; the build checked their order).
 */
function countTable(t: IntTable, keys: Int32Array, counts: Uint32Array): CountLookup {
  return { get: (key) => intGet(t, key), has: (key) => intGet(t, key) !== undefined, sortedKeys: keys, sortedCounts: counts };
}

/**
 * Each common character's confusables by code, as a Map's get answers: a view of the list
 * made when asked (the detector asks once per suspect position), where a Map of 3,400
 * views cost every start (issue 15).
 */
function confusableLookup(row: Uint16Array, start: Uint32Array, list: Uint16Array): ConfusableLookup {
  return { get: (code) => { const r = row[code]!; return r ? list.subarray(start[r - 1]!, start[r]!) : undefined; } };
}

/**
 * Counts by character code from the file's parallel lists: a typed array by code (zeroed as
 * allocated; counts are ≥ 1) where a Map took ~1,000 insertions at every start and a hash
 * look-up per suspect position (issue 15's CLI run). Listed in the file's order.
 */
function codeCounts(chars: Uint16Array, counts: Uint32Array): CodeCounts {
  const byCode = new Uint32Array(65536);
  for (let i = 0; i < chars.length; i++) byCode[chars[i]!] = counts[i]!;
  return {
    get: (code) => byCode[code] || undefined,
    *[Symbol.iterator](): Iterator<[number, number]> {
      for (let i = 0; i < chars.length; i++) yield [chars[i]!, counts[i]!];
    },
  };
}

/**
 * The tables as the build laid them out (scripts/csc-encode.mjs, and csc-derived.mjs for
 * what the detector looks up by: the id table, the count hash tables, the context's priors):
 * typed views of the one buffer and two small Maps, no pass over a table (issue 15: the CLI
 * mapped them in ~9 ms of its start, now well under one).
 */
export function parseCscModel(bytes: Uint8Array): CscModel {
  const bin = readCscBinary(bytes);
  const logTotal = Math.log(Number(bin.meta.total));
  const ids = bin.u16('ids');
  const lp2 = intTableOf(bin.i32('w2keys'), bin.f32('w2vals'));
  adoptBloom(lp2, bin.u32('w2bloom'));
  const m: CscModel = {
    ids, lp1: bin.f32('lp1'), lp2, long: longTable(bin.i32('longA'), bin.i32('longB'), bin.f32('longVals'), bin.u8('longCls')),
    logTotal, unknown: Math.log(0.5) - logTotal,
    confusables: confusableLookup(bin.u16('confRow'), bin.u32('confStart'), bin.u16('confList')), prone: codeCounts(bin.u16('proneChar'), bin.u32('proneCount')), miswritten: new Map(),
    pairs: countTable(intTableOf(bin.i32('pairSlots'), bin.f32('pairSlotCounts')), bin.i32('pairKey'), bin.u32('pairCount')),
    bigrams: countTable(intTableOf(bin.i32('bigramSlots'), bin.f32('bigramSlotCounts')), bin.i32('bigramKey'), bin.u32('bigramCount')),
    cls1: bin.u8('cls1'), cls2: bin.u8('w2cls'), context: readContext(bin, ids), wordLm: readWordLm(bin),
  };
  const mis = bin.i32('miswritten');
  // Almost every word has one entry (1,024 entries, 1,019 words): a list made at its size, not
  // an empty array grown by push (17 slots each; ~160 KB of the CLI's start, issue 15).
  for (let i = 0; i + 3 < mis.length; i += 4) {
    const list = m.miswritten.get(mis[i]!);
    if (list) list.push(mis[i + 1]!, mis[i + 2]!, mis[i + 3]!);
    else m.miswritten.set(mis[i]!, [mis[i + 1]!, mis[i + 2]!, mis[i + 3]!]);
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
