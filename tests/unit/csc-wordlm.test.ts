import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCscBinary } from '../../shared/proof/csc/binary';
import type { CscModel } from '../../shared/proof/csc/model';
import { lpBigram, prepareWindow, windowWith, wordIdOf, wordLmScore, wordLmWindow, wordOf, readWordLm, type WordLm } from '../../shared/proof/csc/word-lm';
import { CSC_MODEL_PATH, cscModel } from '../support/csc';

// The word language model (issue 14): open-gram's bigrams as scripts/csc-wordlm.mjs keeps
// them (resources/csc/wordlm.bin, carried into csc-model.bin) and shared/proof/csc/word-lm.ts
// reads them. The builder is run here on a small model of our own making (the Debian
// package is not needed to test it); the shipped table on the real file.

type Built = { file: string; words: number; bigrams: number };
const { buildWordLm, readPydict, wordLmSections, WORDLM } = (await import('../../scripts/csc-wordlm.mjs' as string)) as {
  buildWordLm(arpa: string, pydict: string, out: string, keep: number): Promise<Built>;
  readPydict(buf: Buffer): string[];
  wordLmSections(file?: string): { meta: Record<string, number>; sections: Record<string, [string, ArrayLike<number>]> } | null;
  WORDLM: string;
};

let csc: CscModel;
let lm: WordLm;
beforeAll(async () => {
  csc = await cscModel();
  lm = csc.wordLm!;
});

const bytesOf = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.1); // 8-bit steps of 0.1 and 0.0525

/** pydict_sc.bin's layout as sunpinyin writes it: word count, node count, offset of the strings, then each word NUL-terminated in UTF-32. */
function pydict(words: string[]): Buffer {
  const body = Buffer.concat(words.map((w) => {
    const cps = [...w].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(4 * (cps.length + 1));
    cps.forEach((c, i) => b.writeUInt32LE(c, 4 * i));
    return b;
  }));
  const head = Buffer.alloc(16);
  head.writeUInt32LE(words.length, 0);
  head.writeUInt32LE(1, 4);
  head.writeUInt32LE(16, 8);
  return Buffer.concat([head, body]);
}

describe('the word model builder (scripts/csc-wordlm.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wordlm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads pydict\'s words by id, keeps Han words, prunes bigrams by weight and renormalises the back-off', async () => {
    const words = ['', '，', '我们', '的', '中国', '人民', '影响', '影像', 'abc'];
    expect(readPydict(pydict(words))).toEqual(words);
    writeFileSync(join(dir, 'pydict.bin'), pydict(words));
    // tslminfo -v -p's text: unigrams id p bow, bigrams id1 id2 p bow, trigrams id1 id2 id3 p.
    const arpa = [
      '\\0-gram\\1', '  0.000005 0.0000001 (0,0)',
      '\\1-gram\\9', '0 0.1 1.0 (0,0)', '1 0.1 1.0 (0,0)', '2 0.2 0.5 (0,0)', '3 0.3 0.5 (0,0)', '4 0.1 0.5 (0,0)', '5 0.1 0.5 (0,0)', '6 0.05 0.5 (0,0)', '7 0.04 0.5 (0,0)', '8 0.01 1.0 (0,0)',
      '\\2-gram\\4', '2 3 0.5 1.0 (1,1)', '4 5 0.4 1.0 (1,2)', '2 1 0.2 1.0 (1,3)', '3 6 0.01 1.0 (1,4)',
      '\\3-gram\\1', '2 3 4 0.5 (1,0)',
    ].join('\n');
    writeFileSync(join(dir, 'lm.arpa'), arpa);
    // Keep two bigrams: 我们→的 and 中国→人民 weigh most; 的→影响 (0.01 against 0.5·0.05) the least.
    const built = await buildWordLm(join(dir, 'lm.arpa'), join(dir, 'pydict.bin'), join(dir, 'out.bin'), 2);
    expect(built.words).toBe(6); // '', '，' and 'abc' are not Han words
    expect(built.bigrams).toBe(2);
    const small = readWordLm(readCscBinary(new Uint8Array(readFileSync(join(dir, 'out.bin')))))!;
    const id = (w: string) => wordIdOf(small, w);
    expect(['的', '我们', '中国', '人民', '影响', '影像'].map((w) => wordOf(small, id(w)))).toEqual(['的', '我们', '中国', '人民', '影响', '影像']);
    expect(id('中')).toBe(-1); // a prefix only
    expect(id('abc')).toBe(-1);
    near(lpBigram(small, id('我们'), id('的')), Math.log(0.5));
    near(lpBigram(small, -1, id('的')), Math.log(0.3));
    // 我们's back-off: its kept bigram (的, 0.5) and its bigram to '，' (0.2, never asked but
    // part of the distribution) leave 0.3 for the rest, whose unigram mass is 1 − 0.3 − 0.1.
    near(lpBigram(small, id('我们'), id('中国')), Math.log((0.3 / 0.6) * 0.1));
    // 的→影响 was pruned: the back-off estimate stands for it, with 的's weight renormalised to 1.
    near(lpBigram(small, id('的'), id('影响')), Math.log(0.05));
  });
});

describe('the shipped word model', () => {
  it('rides in csc-model.bin as wordlm.bin built it, section for section', () => {
    const from = wordLmSections(WORDLM)!;
    const bin = readCscBinary(new Uint8Array(readFileSync(CSC_MODEL_PATH)));
    for (const [name, [type, values]] of Object.entries(from.sections)) {
      const got = (bin as unknown as Record<string, (n: string) => Uint8Array>)[type]!(name);
      const want = values as Uint8Array;
      expect(bytesOf(got).equals(bytesOf(want)), name).toBe(true);
    }
    expect(lm.step).toBe(from.meta.wlmStep);
  });

  it('maps words to their ids and back, and ranks 的 first among them', () => {
    for (const w of ['的', '我们', '中国', '影响', '影像', '沁源', '党参', '源源不断']) expect(wordOf(lm, wordIdOf(lm, w))).toBe(w);
    const uni = (w: string) => lpBigram(lm, -1, wordIdOf(lm, w));
    expect(Math.max(...Array.from(lm.uni, (q) => -q))).toBe(-lm.uni[wordIdOf(lm, '的')]!);
    expect(uni('我们')).toBeGreaterThan(-7);
    expect(uni('中国')).toBeGreaterThan(-8);
    expect(uni('影响')).toBeGreaterThan(uni('影像'));
  });

  it('every word is found by its hash, and each bigram list is sorted and without repeats', () => {
    for (let id = 0; id < lm.start.length - 1; id += 7) expect(wordIdOf(lm, wordOf(lm, id))).toBe(id);
    for (let w = 0; w < lm.biStart.length - 1; w++) {
      for (let k = lm.biStart[w]! + 1; k < lm.biStart[w + 1]!; k++) if (lm.bi[k]! >>> 8 <= lm.bi[k - 1]! >>> 8) throw new Error(`bigrams of ${wordOf(lm, w)} out of order at ${k}`);
    }
  });

  it('prefers the right word in context: real-word errors, 在/再', () => {
    const score = (s: string) => wordLmWindow(lm, s, 0, s.length, 0, 0);
    expect(score('影响到')).toBeGreaterThan(score('影像到') + 3);
    expect(score('他们都很')).toBeGreaterThan(score('他门都很') + 3);
    expect(score('我在家里')).toBeGreaterThan(score('我再家里') + 3);
    expect(score('请你再说一遍')).toBeGreaterThan(score('请你在说一遍') + 3);
    expect(score('因为我')).toBeGreaterThan(score('应为我') + 3);
    expect(score('沁源党参育苗')).toBeGreaterThan(score('沁源源党参育苗'));
  });

  it('a prepared window scores each candidate as the whole lattice does', () => {
    const items = JSON.parse(readFileSync('tests/corpus/sighan15/train.json', 'utf8')) as { original_text: string }[];
    let n = 0;
    for (const { original_text: t } of items.slice(0, 120)) {
      for (let i = 0; i < t.length; i += 3) {
        const a = Math.max(0, i - 3), b = Math.min(t.length, i + 4);
        prepareWindow(lm, t, a, b, i);
        for (const c of [t.charCodeAt(i), 0x7684, 0x5728, 0x518d, 0x4eec, (t.charCodeAt(i) + 1) & 0xffff]) {
          const fast = windowWith(c);
          const codes = new Int32Array(b - a);
          for (let k = a; k < b; k++) codes[k - a] = k === i ? c : t.charCodeAt(k);
          expect(fast).toBeCloseTo(wordLmScore(lm, codes, b - a), 9);
          prepareWindow(lm, t, a, b, i); // wordLmScore shares the lattice's scratch
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(3000);
  });
});
