// Builds resources/csc/csc-model.bin, the 错别字 detector's tables (issue 14), from
// @node-rs/jieba's word-frequency dictionary (with its word classes), pycorrector's confusion
// sets, SIGHAN-15 TRAIN's error pairs, and as running text the corpus in resources/csc/corpus
// and SIGHAN-2013/CLP-2014's corrected training sentences (resources/csc/sighan1314.tsv; see
// resources/csc/SOURCES.md). What goes in (the file format: scripts/csc-binary.mjs,
// the sections: scripts/csc-encode.mjs, read by shared/proof/csc/model.ts):
//   words        1–4 Han characters, with frequency, word class and whether a name or place
//   confusables  each common character's confusables by sound and shape
//   pairs        confusion pairs seen in TRAIN (wrong → right, count)
//   bigrams      character bigrams of TRAIN's corrected text
//   miswritten   two-character words TRAIN shows miswritten (wrong, right, count)
//   context      character bigrams of the corpus and of SIGHAN-13/14 training's corrected text, and the word classes around each
//                one-character word in it (scripts/csc-corpus.mjs)
//
// The TRAIN split (tests/corpus/sighan15/train.json) only: the TEST split is never read here,
// nor are SIGHAN-2013/CLP-2014's test sentences (the tuning's development set).
// Only all-Han words of 1–4 characters are kept (the detector looks at windows of a few
// characters). Longer words rarer than MIN_FREQ are dropped (fewer to load: the CLI's start, the
// editor's first Chinese story) at the same precision and recall on TRAIN (bench/csc-tune.ts); two-character words
// all stay (they vouch for their characters: 特优 is no typo for 特有), and so do
// reduplicated ones (包包, 喝喝) for the repeat rule.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { corpusCounts, corpusFiles, tagClass } from './csc-corpus.mjs';
import { encodeModel } from './csc-encode.mjs';
import { WORDLM, wordLmSections } from './csc-wordlm.mjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MIN_FREQ = 30;
const HAN = /^\p{Script=Han}{1,4}$/u;
// jieba's tags for person names (nr, nrfg, nrt) and places (ns): never "corrected".
const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'ns']);

export const CSC_MODEL = join(root, 'resources', 'csc', 'csc-model.bin');

function inputs() {
  const dict = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const dir = join(root, 'resources', 'csc');
  return { dict, pinyin: join(dir, 'same_pinyin.txt'), stroke: join(dir, 'same_stroke.txt'), common: join(dir, 'common_char_set.txt'), readings: join(dir, 'kMandarin_8105.txt'), train: join(root, 'tests', 'corpus', 'sighan15', 'train.json'), extra: join(dir, 'sighan1314.tsv'), corpus: join(dir, 'corpus'), self: fileURLToPath(import.meta.url), ...Object.fromEntries(['csc-corpus.mjs', 'csc-encode.mjs', 'csc-binary.mjs'].map((f) => [f, join(root, 'scripts', f)])) };
}

export function buildCscModel({ force = false } = {}) {
  // The derived sections' writer too (issue 15: csc-encode.mjs imports it).
  // The word language model (committed, built by hand: scripts/csc-wordlm.mjs) too.
  const src = { ...inputs(), derived: join(root, 'scripts', 'csc-derived.mjs'), wordLm: WORDLM, wordLmScript: join(root, 'scripts', 'csc-wordlm.mjs') };
  if (!force && existsSync(CSC_MODEL)) {
    const built = statSync(CSC_MODEL).mtimeMs;
    if (Object.values(src).every((f) => !existsSync(f) || statSync(f).mtimeMs <= built)) return CSC_MODEL;
  }
  const words = new Map();
  for (const line of readFileSync(src.dict, 'utf8').split('\n')) {
    const [w, f, tag] = line.trim().split(' ');
    const freq = Number(f);
    // Reduplicated words (包包, 喝喝, 源源不断) are kept however rare: the repeat rule asks for them.
    // Two-character words are all kept: they vouch for their characters and cost little.
    if (!w || !HAN.test(w) || !(freq >= MIN_FREQ || (freq >= 3 && [...w].length <= 2) || (freq >= 5 && [...w].length === 4) || (freq >= 1 && /(.)\1/u.test(w)))) continue;
    const prev = words.get(w);
    // jieba lists a few words twice with different tags; keep the larger count.
    if (!prev || prev.freq < freq) words.set(w, { freq, name: NAME_TAGS.has(tag), cls: tagClass(tag) });
  }
  const common = new Set(readFileSync(src.common, 'utf8').split(/\s+/).filter(Boolean));
  const conf = new Map();
  const add = (c, others) => {
    if (!common.has(c)) return;
    const set = conf.get(c) ?? new Set();
    for (const o of others) if (o !== c && common.has(o)) set.add(o);
    conf.set(c, set);
  };
  for (const line of readFileSync(src.pinyin, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const [c, same = '', other = ''] = line.split('\t');
    add(c.trim(), [...(same.trim() + other.trim())]);
  }
  for (const line of readFileSync(src.stroke, 'utf8').split('\n')) {
    const group = line.split('\t').map((s) => s.trim()).filter(Boolean);
    for (const c of group) add(c, group);
  }
  if (existsSync(src.readings)) for (const group of soundGroups(readFileSync(src.readings, 'utf8'), common)) for (const c of group) add(c, group);
  const pairs = new Map();
  const bigrams = new Map();
  const miswritten = new Map();
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  const train = JSON.parse(readFileSync(src.train, 'utf8'));
  // SIGHAN-2013/CLP-2014's training sentences: their corrected text goes into the context
  // model (1.3 MB more running text: on TRAIN two-fold, precision 0.66 at recall 0.17 where
  // the smaller model had 0.62). Their confusion pairs are not counted: as TRAIN's own they
  // lowered precision on TRAIN's halves at every recall (bench/csc-tune.ts, 2026-12-01).
  const extra = existsSync(src.extra) ? readSighan1314(src.extra).filter((d) => d.set.startsWith('train')) : [];
  for (const { original_text: o, correct_text: c } of train) {
    if (o.length === c.length) for (let i = 0; i < o.length; i++) if (o[i] !== c[i]) bump(pairs, o[i] + c[i]);
    for (let i = 0; i + 1 < c.length; i++) if (HAN.test(c[i]) && HAN.test(c[i + 1])) bump(bigrams, c[i] + c[i + 1]);
    if (o.length === c.length) {
      for (let i = 0; i < o.length; i++) {
        if (o[i] === c[i]) continue;
        for (const s of [i - 1, i]) {
          const w = o.slice(s, s + 2), r = c.slice(s, s + 2);
          if (s >= 0 && s + 2 <= o.length && HAN.test(w) && HAN.test(r) && words.has(r) && !words.has(w)) bump(miswritten, `${w}\t${r}`);
        }
      }
    }
  }
  let total = 0;
  for (const { freq } of words.values()) total += freq;
  const corpus = corpusCounts(corpusFiles(src.corpus), extra.map((e) => e.correct_text));
  writeFileSync(CSC_MODEL, encodeModel({ words, conf, pairs, bigrams, miswritten, corpus, total, wordLm: wordLmSections() }));
  return CSC_MODEL;
}

/**
 * Common characters that sound alike by their most common reading (kMandarin_8105.txt,
 * mozillazg/pinyin-data, MIT): the same syllable in any tone. pycorrector's same_pinyin
 * misses some (TRAIN two-fold at 12: recall 0.176 → 0.180 at the same precision).
 * CSC_PINYIN=fuzzy also merges what speakers of southern Mandarin and Taiwan Guoyu merge
 * (zh/z, ch/c, sh/s, -ng/-n: 应为 for 因为): a third of the right characters TRAIN's writers
 * confuse outside the sets, but at 12 recall +0.011 for precision −0.027 (0.634 / 0.187),
 * worse than a lower threshold, so not built in. CSC_PINYIN=none: without these groups.
 */
const PINYIN_FUZZ = process.env.CSC_PINYIN ?? 'same';
function soundGroups(text, common) {
  const groups = new Map();
  for (const line of text.split('\n')) {
    const m = /^U\+([0-9A-F]+): (\S+)/.exec(line);
    if (!m) continue;
    const c = String.fromCodePoint(parseInt(m[1], 16));
    if (!common.has(c)) continue;
    let key = m[2].normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (PINYIN_FUZZ === 'none') continue;
    if (PINYIN_FUZZ === 'fuzzy') key = key.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n');
    const list = groups.get(key);
    if (list) list.push(c); else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/**
 * SIGHAN-2013 and CLP-2014's sentences (resources/csc/sighan1314.tsv, scripts/csc-sighan1314.mjs):
 * the corrected text, a tab, the errors as offset:written pairs, a tab, the set; as SIGHAN-15
 * TRAIN's items. Only the training sets are built in (the test sets are the tuning's development set).
 */
export function readSighan1314(file) {
  const out = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [c, edits = '', set = ''] = line.split('\t');
    if (!c) continue;
    const o = c.split(''); // UTF-16 offsets, as the import wrote them
    for (const e of edits.split(',').filter(Boolean)) { const k = e.indexOf(':'); o[Number(e.slice(0, k))] = e.slice(k + 1); }
    out.push({ original_text: o.join(''), correct_text: c, set });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = buildCscModel({ force: true });
  console.log(`${file}: ${statSync(file).size} bytes`);
}
