// Builds resources/csc/wordlm.bin, the 错别字 detector's word language model (issue 14),
// from open-gram's word trigram model as Debian's `sunpinyin-data` package ships it
// (CC BY-SA 3.0; resources/csc/SOURCES.md). Run by hand when the source changes, never by
// the build (which takes the committed wordlm.bin, so CI needs no Debian package):
//
//   apt-get download sunpinyin-data sunpinyin-utils libsunpinyin3v5   # extract each with dpkg-deb -x
//   tslminfo -v -p lm_sc.t3g > lm.arpa                                 # sunpinyin-utils: the model as ARPA text, word ids for words
//   node scripts/csc-wordlm.mjs lm.arpa pydict_sc.bin
//
// pydict_sc.bin is sunpinyin's pinyin trie; after its three-word header (word count, node
// count, offset of the strings) it holds every word's text as NUL-terminated UTF-32 in word-id
// order, which is all we read of it (our own reader, from sunpinyin's src/lexicon/pytrie.h
// layout). The ARPA text has `-p` probabilities (not logs): unigrams `id p bow`, bigrams
// `id1 id2 p bow`, trigrams `id1 id2 id3 p`.
//
// What is kept (the detector compares windows of a few Han characters, never across
// punctuation): words of Han characters only, up to MAX_LEN characters; their unigram ln P;
// the bigrams between them with the largest weighted difference from the back-off estimate,
// P(w1,w2)·|ln P(w2|w1) − ln(bow(w1)·P(w2))| (a Stolcke-style pruning), KEEP of 2,500,000;
// each word's back-off weight recomputed for what is kept so the model stays normalised. The
// trigrams are not kept: a trigram Viterbi over the detector's windows with open-gram's
// 1,000,000 trigrams (213,380 of them between kept words) scored 0.683 / 0.218 on SIGHAN-15
// TRAIN two-fold against the bigrams' 0.682 / 0.217 (README, issue 14's sixth-stop note).
// Log-probabilities are quantized to 8 bits (STEP ln units).
// Layout (the reader: shared/proof/csc/word-lm.ts):
//   wlmChars   u16  every word's characters, concatenated
//   wlmStart   u32  word w's characters are wlmChars[wlmStart[w], wlmStart[w+1])
//   wlmUni     u8   −ln P(w) / STEP, by word
//   wlmBow     u8   (ln bow(w) − BOW_MIN) / BOW_STEP, by word
//   wlmSlots   i32  open-addressing hash of every word and every prefix of one, by the FNV-1a
//                   hash of its character codes: (word << 5 | length << 1 | isWord) + 1, 0 empty;
//                   a hit is checked against the word's characters (no key is stored)
//   wlmBiStart u32  word w1's bigrams are wlmBi[wlmBiStart[w1], wlmBiStart[w1+1])
//   wlmBi      u32  (w2 << 8 | −ln P(w2|w1) / STEP), sorted by w2
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCscBinary } from './csc-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORDLM = join(root, 'resources', 'csc', 'wordlm.bin');
const MAX_LEN = 8;
const KEEP = Number(process.env.WLM_KEEP ?? 700_000);
export const STEP = 0.1;
export const BOW_MIN = -12.8;
export const BOW_STEP = 0.0525;
const HAN = /^\p{Script=Han}+$/u;

/** Words of pydict_sc.bin by id. */
export function readPydict(buf) {
  const count = buf.readUInt32LE(0);
  let p = buf.readUInt32LE(8);
  const words = new Array(count);
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let c; (c = buf.readUInt32LE(p)) !== 0; p += 4) s += String.fromCodePoint(c);
    p += 4;
    words[i] = s;
  }
  return words;
}

/** The FNV-1a hash of char codes, as shared/proof/csc/word-lm.ts computes it (extend one character at a time). */
export const fnvStart = 0x811c9dc5 | 0;
export const fnvNext = (h, c) => Math.imul(h ^ c, 0x01000193);
export const slotOf = (h, shift) => Math.imul(h, 0x9e3779b1) >>> shift;

async function readArpa(file, ok) {
  const uni = new Map();
  const bi = new Map(); // w1 → [w2, p][] (every bigram of a kept w1, for the normalisation)
  let level = -1;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.startsWith('\\')) { level = Number(/^\\(\d)-gram/.exec(line)[1]); continue; }
    if (level === 3) break;
    const f = line.trim().split(/\s+/);
    if (level === 1) uni.set(Number(f[0]), { p: Number(f[1]), bow: Number(f[2]) });
    else if (level === 2) {
      const w1 = Number(f[0]);
      if (!ok(w1)) continue;
      let list = bi.get(w1);
      if (!list) bi.set(w1, (list = []));
      list.push([Number(f[1]), Number(f[2])]);
    }
  }
  rl.close();
  return { uni, bi };
}

export async function buildWordLm(arpa, pydict, out = WORDLM, keep = KEEP) {
  const words = readPydict(readFileSync(pydict));
  const good = (id) => words[id] && HAN.test(words[id]) && [...words[id]].length <= MAX_LEN && !/[\u{10000}-\u{10FFFF}]/u.test(words[id]);
  const { uni, bi } = await readArpa(arpa, good);
  // Our ids: the kept words with a unigram, most probable first.
  const kept = [...uni.keys()].filter(good).sort((a, b) => uni.get(b).p - uni.get(a).p);
  const ours = new Map(kept.map((id, i) => [id, i]));
  const q = (lnp) => Math.max(0, Math.min(255, Math.round(-lnp / STEP)));
  // Pruning score of every bigram between kept words.
  const cands = [];
  for (const [w1, list] of bi) {
    if (!ours.has(w1)) continue;
    const u1 = uni.get(w1);
    for (const [w2, p] of list) {
      if (!ours.has(w2)) continue;
      const backoff = Math.log(u1.bow * uni.get(w2).p);
      cands.push([u1.p * p * Math.abs(Math.log(p) - backoff), w1, w2, p]);
    }
  }
  cands.sort((a, b) => b[0] - a[0]);
  const kept2 = cands.slice(0, keep);
  const keptSet = new Set(kept2.map(([, w1, w2]) => w1 * 131072 + w2));
  const lists = new Map();
  for (const [, w1, w2, p] of kept2) {
    let l = lists.get(ours.get(w1));
    if (!l) lists.set(ours.get(w1), (l = []));
    l.push([ours.get(w2), p]);
  }
  // Back-off weights for what is kept: the mass of the dropped bigrams goes back to the
  // unigram estimate (the bigrams to words we do not keep, punctuation, stay in the sums:
  // they are part of the distribution, only never asked).
  const bows = new Float64Array(kept.length);
  let bowLo = Infinity, bowHi = -Infinity;
  for (let i = 0; i < kept.length; i++) {
    const w1 = kept[i];
    let num = 1, den = 1;
    for (const [w2, p] of bi.get(w1) ?? []) {
      if (ours.has(w2) && !keptSet.has(w1 * 131072 + w2)) continue;
      num -= p; den -= uni.get(w2)?.p ?? 0;
    }
    const bow = num > 1e-9 && den > 1e-9 ? Math.log(num / den) : Math.log(uni.get(w1).bow);
    bows[i] = bow;
    bowLo = Math.min(bowLo, bow); bowHi = Math.max(bowHi, bow);
  }
  const chars = [];
  const start = new Uint32Array(kept.length + 1);
  for (let i = 0; i < kept.length; i++) {
    const w = words[kept[i]];
    for (let k = 0; k < w.length; k++) chars.push(w.charCodeAt(k));
    start[i + 1] = chars.length;
  }
  // The hash of words and prefixes: each prefix points at the first word it was met in.
  const entries = new Map();
  for (let i = 0; i < kept.length; i++) {
    const w = words[kept[i]];
    let h = fnvStart;
    for (let k = 0; k < w.length; k++) {
      h = fnvNext(h, w.charCodeAt(k));
      const key = w.slice(0, k + 1);
      const isWord = k === w.length - 1 ? 1 : 0;
      const prev = entries.get(key);
      if (!prev || (isWord && !prev.isWord)) entries.set(key, { h, word: i, len: k + 1, isWord });
    }
  }
  let bits = 10;
  while ((1 << bits) < entries.size * 1.5) bits++;
  const slots = new Int32Array(1 << bits);
  const mask = slots.length - 1;
  for (const { h, word, len, isWord } of entries.values()) {
    let s = slotOf(h, 32 - bits);
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = ((word << 5) | (len << 1) | isWord) + 1;
  }
  const biStart = new Uint32Array(kept.length + 1);
  const packed = [];
  for (let i = 0; i < kept.length; i++) {
    const l = (lists.get(i) ?? []).sort((a, b) => a[0] - b[0]);
    for (const [w2, p] of l) packed.push((w2 << 8) | q(Math.log(p)));
    biStart[i + 1] = packed.length;
  }
  const unk = Math.log(uni.get(0)?.p ?? 1e-6);
  const meta = { source: 'sunpinyin-data 0.1.22+20170109-2 lm_sc.t3g (open-gram, CC BY-SA 3.0)', words: kept.length, bigrams: packed.length, wlmStep: STEP, wlmBowMin: BOW_MIN, wlmBowStep: BOW_STEP, hashBits: bits, rootUnknown: unk };
  const bin = encodeCscBinary(meta, {
    wlmChars: ['u16', chars], wlmStart: ['u32', start],
    wlmUni: ['u8', kept.map((id) => q(Math.log(uni.get(id).p)))],
    wlmBow: ['u8', Array.from(bows, (b) => Math.max(0, Math.min(255, Math.round((b - BOW_MIN) / BOW_STEP))))],
    wlmSlots: ['i32', slots], wlmBiStart: ['u32', biStart], wlmBi: ['u32', packed],
  });
  writeFileSync(out, bin);
  return { file: out, bytes: bin.length, words: kept.length, bigrams: packed.length, entries: entries.size, bowLo, bowHi };
}

const TYPES = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array };

/**
 * wordlm.bin's sections and meta, for scripts/csc-model.mjs to carry into csc-model.bin (one
 * read, one mapping for the detector); null when the file is absent (the detector then goes
 * without the word model).
 */
export function wordLmSections(file = WORDLM) {
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  const headLen = buf.readUInt32LE(4);
  const head = JSON.parse(buf.subarray(8, 8 + headLen).toString('latin1'));
  const base = 8 + headLen;
  const sections = {};
  for (const [name, [type, offset, length]] of Object.entries(head.sections)) {
    const T = TYPES[type];
    sections[name] = [type, new T(buf.buffer.slice(buf.byteOffset + base + offset, buf.byteOffset + base + offset + length * T.BYTES_PER_ELEMENT))];
  }
  const { sections: _, ...meta } = head;
  return { meta, sections };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [arpa, pydict] = process.argv.slice(2);
  if (!arpa || !pydict) { console.error('usage: node scripts/csc-wordlm.mjs lm.arpa pydict_sc.bin'); process.exit(2); }
  console.log(await buildWordLm(arpa, pydict));
}
