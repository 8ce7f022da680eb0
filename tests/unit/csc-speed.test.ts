import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classByteAt, found, logpAt, lookWord, type CscModel } from '../../shared/proof/csc/model';
import { intGet, intSlot } from '../../shared/proof/csc/int-table';
import { longSlot } from '../../shared/proof/csc/long-table';
import { scoreOf, typoCandidates, TYPO_THRESHOLDS } from '../../shared/proof/csc/detect';
import { bloomOf, bloomHas } from '../../shared/proof/csc/word-bloom';
import { splitScore, splitScoreWith } from '../../shared/proof/csc/segment';
import { classGain } from '../../shared/proof/csc/context';
import { cscModel } from '../support/csc';

// The 错别字 detector's fast paths (issue 14's time target, proof-csc-100k) give what the
// plain ones give: each shortcut against the computation it replaces, on real SIGHAN-15
// TRAIN sentences with the real tables. (The whole run's findings, before and after a
// change, are compared by bench/csc-same.ts.)

let csc: CscModel;
const train = (JSON.parse(readFileSync('tests/corpus/sighan15/train.json', 'utf8')) as { original_text: string }[]).map((d) => d.original_text);
beforeAll(async () => { csc = await cscModel(); });

describe('csc fast paths', () => {
  it('a word looked up once gives the ln P and class byte its table entries hold', () => {
    // The entries read directly, as logpAt and classByteAt did before they went through lookWord.
    const idOf = (t: string, i: number) => csc.ids[t.charCodeAt(i)]!;
    const entry = (t: string, s: number, e: number): [number, number] => {
      if (e - s === 1) return [csc.lp1[idOf(t, s)]!, csc.cls1[idOf(t, s)]!];
      const a = idOf(t, s), b = idOf(t, s + 1);
      if (!a || !b) return [NaN, -1];
      const k = a * 32768 + b;
      if (e - s === 2) { const i = intSlot(csc.lp2, k); return i < 0 ? [NaN, -1] : [csc.lp2.vals[i]!, csc.cls2[i]!]; }
      const c = idOf(t, s + 2), d = e - s === 4 ? idOf(t, s + 3) : 0;
      if (!c || (e - s === 4 && !d)) return [NaN, -1];
      const i = longSlot(csc.long, k, e - s === 3 ? c : c * 32768 + d);
      return i < 0 ? [NaN, -1] : [csc.long.vals[i]!, csc.long.cls[i]!];
    };
    let words = 0;
    for (const text of train.slice(0, 300)) {
      for (let s = 0; s < text.length; s++) {
        for (let e = s + 1; e <= Math.min(text.length, s + 4); e++) {
          const [lp, cls] = entry(text, s, e);
          const word = lp === lp;
          lookWord(csc, text, s, e);
          expect([found.lp === found.lp ? found.lp : undefined, found.cls]).toEqual([word ? lp : undefined, word ? cls : -1]);
          expect(logpAt(csc, text, s, e)).toBe(word ? lp : undefined);
          expect(classByteAt(csc, text, s, e)).toBe(word ? cls : -1);
          if (word) words++;
        }
      }
    }
    expect(words).toBeGreaterThan(5000);
  });

  it('a window scored with a fix by ids equals the window written out with it', () => {
    let n = 0;
    for (const text of train.slice(0, 200)) {
      for (let i = 0; i < text.length; i++) {
        const conf = csc.confusables.get(text.charCodeAt(i));
        if (!conf) continue;
        const a = Math.max(0, i - 2), b = Math.min(text.length, i + 3);
        for (const c of conf.slice(0, 3)) {
          const fixed = text.slice(a, i) + String.fromCharCode(c) + text.slice(i + 1, b);
          expect(splitScoreWith(csc, text, a, b, i, c)).toBe(splitScore(csc, fixed, 0, fixed.length));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('TRAIN pair counts read from the sorted list equal those asked of the table one by one', () => {
    expect(csc.pairs.sortedKeys?.length).toBeGreaterThan(1000);
    // A model whose pairs are a Map (as bench/csc-tune.ts builds them) takes the per-candidate path.
    const keys = csc.pairs.sortedKeys!, counts = csc.pairs.sortedCounts!;
    const asMap = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) asMap.set(keys[i]!, counts[i]!);
    const plain: CscModel = { ...csc, pairs: asMap };
    const sample = train.slice(0, 400);
    const fast = sample.map((t) => typoCandidates(csc, t));
    expect(fast.flat().filter((c) => c.features[3]! > 0).length).toBeGreaterThan(50);
    expect(sample.map((t) => typoCandidates(plain, t))).toEqual(fast);
  });

  it('the bloom filter of two-character words has every word and few others', () => {
    const bits = bloomOf(csc.lp2);
    let words = 0;
    const missed: number[] = [];
    for (let i = 0; i < csc.lp2.keys.length; i++) {
      const k = csc.lp2.keys[i]!;
      const v = csc.lp2.vals[i]!;
      if (k === 0 || v !== v) continue;
      words++;
      if (!bloomHas(bits, k)) missed.push(k);
    }
    expect(words).toBeGreaterThan(50_000);
    expect(missed).toEqual([]);
    // Keys of character pairs that are no word: most are turned away before the table.
    let asked = 0, passed = 0;
    for (let a = 1; a < 400; a++) for (let b = 1; b < 400; b += 7) {
      const k = a * 32768 + b;
      if (intGet(csc.lp2, k) !== undefined) continue;
      asked++;
      if (bloomHas(bits, k)) passed++;
    }
    expect(passed / asked).toBeLessThan(0.2);
  });

  it('class evidence by row number equals the naive Bayes ratio from the rows', () => {
    const cx = csc.context;
    const k = cx.classes;
    const direct = (from: number, to: number, l: number, r: number) => {
      const a = cx.around.get(from)!, b = cx.around.get(to)!;
      const na = cx.seen.get(from)!, nb = cx.seen.get(to)!;
      const side = (row: Uint32Array, n: number, at: number) => Math.log((row[at]! + 1) / (n + k));
      return side(b, nb, l) - side(a, na, l) + side(b, nb, k + r) - side(a, na, k + r);
    };
    const chars = [...'的地得在再做作'].map((c) => c.charCodeAt(0));
    for (const from of chars) for (const to of chars) for (let l = 0; l < k; l += 3) for (let r = 0; r < k; r += 2) {
      if (from === to) continue;
      expect(classGain(cx, from, to, l, r)).toBe(direct(from, to, l, r));
    }
    expect(classGain(cx, 0x7684, 'ㄅ'.charCodeAt(0), 1, 1)).toBeNull();
  });

  it('with a threshold, only candidates at or above it, each as the full list has it', () => {
    for (const text of train.slice(0, 300)) {
      const all = typoCandidates(csc, text);
      const kept = typoCandidates(csc, text, undefined, TYPO_THRESHOLDS.normal);
      for (const c of kept) {
        expect(scoreOf(c.features)).toBeGreaterThanOrEqual(TYPO_THRESHOLDS.normal);
        expect(all).toContainEqual(c);
      }
    }
  });
});
