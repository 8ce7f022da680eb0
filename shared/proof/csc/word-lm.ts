import type { CscBinary } from './binary';

// The word bigram language model (issue 14): open-gram's model as Debian's sunpinyin-data
// ships it, pruned and quantized by scripts/csc-wordlm.mjs (layout there), mapped here as
// typed views of csc-model.bin's bytes: nothing is parsed at load, words are found by the
// hash of their character codes and checked against their characters, bigrams by a binary
// search in the first word's sorted list. The detector asks it only for a few characters
// around a position that already has candidates (wordLmScore): the best segmentation of
// that window under the model, with and without the fix (a real-word error such as 影像到
// for 影响到 shows there, where the unigram segmentation sees two good words either way).

export interface WordLm {
  chars: Uint16Array;
  start: Uint32Array;
  uni: Uint8Array;
  bow: Uint8Array;
  slots: Int32Array;
  shift: number;
  mask: number;
  biStart: Uint32Array;
  bi: Uint32Array;
  step: number;
  bowMin: number;
  bowStep: number;
}

/** Longest word kept (scripts/csc-wordlm.mjs MAX_LEN). */
const MAX_LEN = 8;
/**
 * ln P of a character the model does not know as a word: below its rarest words (ln P
 * ≈ −20): an unknown character is costly but not infinitely (names, rare characters).
 */
export const WLM_UNKNOWN = -22;

/** The model's sections of csc-model.bin, or null when the table was built without it. */
export function readWordLm(bin: CscBinary): WordLm | null {
  const sections = (bin.meta as { sections?: Record<string, unknown> }).sections ?? {};
  if (!sections.wlmBi) return null;
  const meta = bin.meta as { wlmStep?: number; wlmBowMin?: number; wlmBowStep?: number };
  const slots = bin.i32('wlmSlots');
  return {
    chars: bin.u16('wlmChars'), start: bin.u32('wlmStart'), uni: bin.u8('wlmUni'), bow: bin.u8('wlmBow'),
    slots, shift: 32 - Math.log2(slots.length), mask: slots.length - 1,
    biStart: bin.u32('wlmBiStart'), bi: bin.u32('wlmBi'),
    step: meta.wlmStep ?? 0.1, bowMin: meta.wlmBowMin ?? -12.8, bowStep: meta.wlmBowStep ?? 0.05,
  };
}

/**
 * The entry of text codes[s, s + len) whose hash is h: the word's id × 2 + 1 when it is a
 * word, its witness × 2 when it is only the beginning of longer words, -1 when neither.
 */
function entryOf(lm: WordLm, h: number, codes: Int32Array, s: number, len: number): number {
  for (let i = Math.imul(h, 0x9e3779b1) >>> lm.shift; ; i = (i + 1) & lm.mask) {
    const v = lm.slots[i]!;
    if (v === 0) return -1;
    const e = v - 1;
    if (((e >>> 1) & 15) !== len) continue;
    const w = e >>> 5;
    const k = lm.start[w]!;
    let j = 0;
    while (j < len && lm.chars[k + j] === codes[s + j]) j++;
    if (j === len) return w * 2 + (e & 1);
  }
}

/** The model's id of a word (-1: none; tests and tools: the detector walks the hash itself). */
export function wordIdOf(lm: WordLm, word: string): number {
  const c = new Int32Array(word.length);
  for (let k = 0; k < word.length; k++) c[k] = word.charCodeAt(k);
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < c.length; k++) h = Math.imul(h ^ c[k]!, 0x01000193);
  const hit = c.length && c.length <= MAX_LEN ? entryOf(lm, h, c, 0, c.length) : -1;
  return hit >= 0 && hit & 1 ? hit >>> 1 : -1;
}

/** The word with this id. */
export function wordOf(lm: WordLm, id: number): string {
  let out = '';
  for (let k = lm.start[id]!; k < lm.start[id + 1]!; k++) out += String.fromCharCode(lm.chars[k]!);
  return out;
}

/** ln P(w2 | w1) (w1 < 0: no history, the unigram; w2 < 0: a character the model has no word for). */
export function lpBigram(lm: WordLm, w1: number, w2: number): number {
  if (w2 < 0) return WLM_UNKNOWN;
  const uni = -lm.uni[w2]! * lm.step;
  if (w1 < 0) return uni;
  let lo = lm.biStart[w1]!;
  let hi = lm.biStart[w1 + 1]!;
  const bi = lm.bi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const key = bi[mid]! >>> 8;
    if (key === w2) return -(bi[mid]! & 255) * lm.step;
    if (key < w2) lo = mid + 1;
    else hi = mid;
  }
  return lm.bowMin + lm.bow[w1]! * lm.bowStep + uni;
}

// Scratch for the lattice of one window: edges by start, each with its end, word and best score.
let eStart = new Int32Array(256);
let eEnd = new Int32Array(256);
let eWord = new Int32Array(256);
let eScore = new Float64Array(256);

let edgeCount = 0;

/** The words of codes[0, n) (eStart, eEnd, eWord; by start), each character the model has no word for a word of its own. */
function latticeOf(lm: WordLm, codes: Int32Array, n: number): void {
  if (eStart.length < n * MAX_LEN) { const c = n * MAX_LEN * 2; eStart = new Int32Array(c); eEnd = new Int32Array(c); eWord = new Int32Array(c); eScore = new Float64Array(c); }
  let m = 0;
  for (let s = 0; s < n; s++) {
    let h = 0x811c9dc5 | 0;
    let single = false;
    for (let e = s + 1; e <= n && e - s <= MAX_LEN; e++) {
      h = Math.imul(h ^ codes[e - 1]!, 0x01000193);
      const hit = entryOf(lm, h, codes, s, e - s);
      if (hit < 0) break;
      if (hit & 1) { eStart[m] = s; eEnd[m] = e; eWord[m] = hit >>> 1; m++; if (e === s + 1) single = true; }
    }
    if (!single) { eStart[m] = s; eEnd[m] = s + 1; eWord[m] = -1; m++; }
  }
  edgeCount = m;
}

/**
 * ln P of the best segmentation of codes[0, n) under the word bigram model (the first word
 * without history). Each character the model has no word for is a word of its own.
 */
export function wordLmScore(lm: WordLm, codes: Int32Array, n: number): number {
  latticeOf(lm, codes, n);
  const m = edgeCount;
  // Edges come by start; each takes the best of the edges that end where it starts.
  let best = -Infinity;
  for (let k = 0; k < m; k++) {
    const s = eStart[k]!;
    const w = eWord[k]!;
    let top = -Infinity;
    if (s === 0) top = lpBigram(lm, -1, w);
    else {
      for (let j = 0; j < k; j++) {
        if (eEnd[j] !== s || eScore[j] === -Infinity) continue;
        const v = eScore[j]! + lpBigram(lm, eWord[j]!, w);
        if (v > top) top = v;
      }
    }
    eScore[k] = top;
    if (eEnd[k] === n && top > best) best = top;
  }
  return best;
}

let codes = new Int32Array(64);

/** wordLmScore of text[from, to) with the character at `at` replaced by code `c` (c = 0: as written). */
export function wordLmWindow(lm: WordLm, text: string, from: number, to: number, at: number, c: number): number {
  const n = to - from;
  if (codes.length < n) codes = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(from + i);
  if (c) codes[at - from] = c;
  return wordLmScore(lm, codes, n);
}

// One suspect position's window, prepared once for all its candidates (prepareWindow): the
// words wholly before the suspect with their best score from the window's start (forward),
// the words wholly after it with their best score to the window's end (backward). Each
// candidate then needs only the words that cover the suspect (windowWith): a few look-ups
// instead of the whole lattice, the same number as wordLmScore gives (tests/unit/csc-speed.test.ts).
let pLm: WordLm | null = null;
let pN = 0;
let pK = 0;
let pM = 0;
let pCodes = new Int32Array(64);
let pScore = new Float64Array(256);
/** The words before the suspect by end (a list through pNext, -1 ends it), those after it by start (their first index, -1: none). */
let pEndHead = new Int32Array(64);
let pStartFirst = new Int32Array(64);
let pNext = new Int32Array(256);
/** For each start before the suspect (index k − s), the hash of the characters up to it, or 0 when they begin no word (no candidate can make one there). */
const pHash = new Int32Array(MAX_LEN + 1);

/** Prepares text[from, to) around the suspect at `at` for windowWith. */
export function prepareWindow(lm: WordLm, text: string, from: number, to: number, at: number): void {
  const n = to - from;
  if (pCodes.length < n) pCodes = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) pCodes[i] = text.charCodeAt(from + i);
  pLm = lm;
  pN = n;
  pK = at - from;
  // The lattice of the window as written (edges by start), then its two sides' scores.
  latticeOf(lm, pCodes, n);
  pM = edgeCount;
  if (pScore.length < pM) { pScore = new Float64Array(2 * pM); pNext = new Int32Array(2 * pM); }
  if (pEndHead.length <= n) { pEndHead = new Int32Array(2 * n + 2); pStartFirst = new Int32Array(2 * n + 2); }
  pEndHead.fill(-1, 0, n + 1);
  pStartFirst.fill(-1, 0, n + 1);
  for (let k = 0; k < pM; k++) {
    if (eEnd[k]! <= pK) { pNext[k] = pEndHead[eEnd[k]!]!; pEndHead[eEnd[k]!] = k; }
    else if (eStart[k]! > pK && pStartFirst[eStart[k]!] === -1) pStartFirst[eStart[k]!] = k;
  }
  for (let k = 0; k < pM; k++) {
    if (eEnd[k]! > pK) continue;
    const s = eStart[k]!;
    let top = -Infinity;
    if (s === 0) top = lpBigram(lm, -1, eWord[k]!);
    else for (let j = 0; j < k; j++) if (eEnd[j] === s && eEnd[j]! <= pK) { const v = pScore[j]! + lpBigram(lm, eWord[j]!, eWord[k]!); if (v > top) top = v; }
    pScore[k] = top;
  }
  // The words that may cover the suspect begin at most MAX_LEN − 1 before it, with characters the candidates do not change.
  for (let d = 0; d < MAX_LEN; d++) {
    const s = pK - d;
    pHash[d] = 0;
    if (s < 0) continue;
    let h = 0x811c9dc5 | 0;
    let alive = true;
    for (let e = s + 1; e <= pK && alive; e++) {
      h = Math.imul(h ^ pCodes[e - 1]!, 0x01000193);
      alive = entryOf(lm, h, pCodes, s, e - s) >= 0;
    }
    pHash[d] = alive ? h || 1 : 0;
  }
  for (let k = pM - 1; k >= 0; k--) {
    if (eStart[k]! <= pK) break;
    const e = eEnd[k]!;
    let top = e === n ? 0 : -Infinity;
    for (let j = k + 1; j < pM; j++) if (eStart[j] === e) { const v = lpBigram(lm, eWord[k]!, eWord[j]!) + pScore[j]!; if (v > top) top = v; }
    pScore[k] = top;
  }
}

/** The best segmentation's ln P of the prepared window with the suspect written as code c. */
export function windowWith(c: number): number {
  const lm = pLm!;
  const k = pK;
  const n = pN;
  const saved = pCodes[k]!;
  pCodes[k] = c;
  let best = -Infinity;
  for (let s = Math.max(0, k - MAX_LEN + 1); s <= k; s++) {
    let h = pHash[k - s]!;
    if (h === 0) continue;
    let single = false;
    for (let e = k + 1; e <= n && e - s <= MAX_LEN; e++) {
      h = Math.imul(h ^ pCodes[e - 1]!, 0x01000193);
      const hit = entryOf(lm, h, pCodes, s, e - s);
      if (hit < 0) break;
      if (!(hit & 1)) continue;
      if (e === s + 1) single = true;
      const v = covering(lm, s, e, hit >>> 1);
      if (v > best) best = v;
    }
    if (s === k && !single) { const v = covering(lm, k, k + 1, -1); if (v > best) best = v; }
  }
  pCodes[k] = saved;
  return best;
}

/** The best path through the word w at [s, e) covering the suspect: the left side's best into it, its own, the right side's best out of it. */
function covering(lm: WordLm, s: number, e: number, w: number): number {
  let left = -Infinity;
  if (s === 0) left = lpBigram(lm, -1, w);
  else for (let j = pEndHead[s]!; j >= 0; j = pNext[j]!) { const v = pScore[j]! + lpBigram(lm, eWord[j]!, w); if (v > left) left = v; }
  if (left === -Infinity) return left;
  if (e === pN) return left;
  let right = -Infinity;
  for (let j = pStartFirst[e]!; j >= 0 && j < pM && eStart[j] === e; j++) { const v = lpBigram(lm, w, eWord[j]!) + pScore[j]!; if (v > right) right = v; }
  return left + right;
}
