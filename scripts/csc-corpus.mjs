// The context model's counts (issue 14), from licensed running text (resources/csc/corpus,
// see SOURCES.md; SIGHAN-15 is not in it): which characters follow which (a character
// bigram model, smoothed at run time in shared/proof/csc/context.ts), and for each
// one-character word (的, 地, 得, 在, 再, 做, 作 …) the word classes it stands between —
// the left neighbour's class and the right neighbour's, words and classes as jieba's
// dictionary tags them. A word-frequency model cannot tell 高兴地跳 from 高兴的跳; these
// counts can: 地 stands before verbs, 的 before nouns, 得 after verbs.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Word classes by jieba tag (its first letter, a few by the whole tag). 0 is the edge of a
 * run of Han characters (punctuation, Latin, digits), 1 anything else.
 */
export const CLASSES = ['edge', 'other', 'n', 'v', 'a', 'd', 'm', 'q', 'r', 'p', 'c', 'u', 'y', 'f', 't', 'l', 'z', 'b'];
const byLetter = new Map(CLASSES.map((c, i) => [c, i]));
/** jieba tag → class index. */
export function tagClass(tag) {
  if (!tag) return 1;
  if (tag === 'vn' || tag === 'an') return byLetter.get('n');
  if (tag === 'ad') return byLetter.get('d');
  if (tag === 'i') return byLetter.get('l');
  if (tag === 's') return byLetter.get('n');
  if (tag === 'e' || tag === 'o') return byLetter.get('y');
  return byLetter.get(tag[0]) ?? 1;
}

export const corpusFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));

const HAN = /\p{Script=Han}/u;

/**
 * Counts over the corpus: char unigrams and bigrams (within runs of Han characters), and
 * for one-character words the classes of their neighbours (side 0 left, 1 right).
 */
export function corpusCounts(files, extraLines = []) {
  const { Jieba } = require('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict');
  const jieba = Jieba.withDict(dict);
  const uni = new Map();
  const bi = new Map();
  const ctx = new Map(); // char → Uint32Array(2 × CLASSES.length)
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  let chars = 0;
  for (const lines of [...files.map((f) => readFileSync(f, 'utf8').split('\n')), extraLines]) {
    for (const line of lines) {
      const text = line.trim();
      if (!text) continue;
      for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
        chars += run.length;
        for (let i = 0; i < run.length; i++) {
          bump(uni, run[i]);
          if (i + 1 < run.length) bump(bi, run[i] + run[i + 1]);
        }
      }
      // Without the HMM, as the detector segments: by the dictionary alone.
      const words = jieba.tag(text, false).map(({ word, tag }) => ({ word, cls: HAN.test(word) && /^\p{Script=Han}+$/u.test(word) ? tagClass(tag) : 0 }));
      for (let k = 0; k < words.length; k++) {
        const { word, cls } = words[k];
        if (cls === 0 || [...word].length !== 1) continue;
        let row = ctx.get(word);
        if (!row) ctx.set(word, (row = new Uint32Array(2 * CLASSES.length)));
        row[words[k - 1]?.cls ?? 0]++;
        row[CLASSES.length + (words[k + 1]?.cls ?? 0)]++;
      }
    }
  }
  return { uni, bi, ctx, chars, classes: CLASSES.length };
}
