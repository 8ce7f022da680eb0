import { logpOf, type CscModel } from './model';
import { bestSplit } from './segment';
import { wordIdOf, wordLmScore } from './word-lm';

// Doubled characters judged by words (issue 14): 沁源源党参 is 沁源 + 源, a slip; 源源不断,
// 包包 and 看看 are words; 现在在后悔 is 现在 + 在, and 在 stands alone all the time;
// 产品品牌 is 产品 + 品牌, two words meeting. The best segmentation of the run around the
// pair decides; null leaves it to the reduplication lists (no model, or no word either side).

/** A single character this common (jieba frequency ~ 在, 是, 有, 了) is a word on its own. */
const STANDALONE = Math.log(20_000);

export type RepeatVerdict = 'word' | 'slip' | null;

/** Verdict on text[i] === text[i + 1]. */
export function repeatVerdict(model: CscModel, text: string, i: number): RepeatVerdict {
  let from = i;
  let to = i + 2;
  const han = /\p{Script=Han}/u;
  while (from > 0 && han.test(text[from - 1]!)) from--;
  while (to < text.length && han.test(text[to]!)) to++;
  const { ends } = bestSplit(model, text, from, to);
  let s = 0;
  while (s + from <= i && ends[s]) {
    const e = ends[s]!;
    if (from + e > i) break;
    s = e;
  }
  const w1Start = from + s;
  const w1End = from + ends[s]!;
  if (w1End >= i + 2) return 'word'; // the pair inside one word: 源源不断, 包包, 认认真真
  const w2End = from + ends[w1End - from]!;
  if (w2End - (i + 1) >= 2) return 'word'; // the second starts a word: 产品|品牌, 每天|天气
  if (w1End - w1Start < 2) return null; // 的的, 了了: both alone, the lists know better
  // 沁源|源: a word, then its last character again on its own.
  const single = logpOf(model, text[i]!);
  return single !== undefined && single + model.logTotal >= STANDALONE ? 'word' : 'slip';
}

/**
 * How much likelier (ln, word language model) the few characters around the pair must be
 * with another doubled word than as written. Chosen on SIGHAN-15 TRAIN and the
 * SIGHAN-2013/CLP-2014 test sentences (the development set), TEST unseen: of the doubled
 * pairs that are no word there, 8 reach 9 — 吗吗 → 妈妈, 式式 → 试试, 泰泰 → 太太, 百百 → 白白
 * right, 溪溪 → 细细 at the error (湿湿 meant), 圾圾 and 兴兴 beside one, and 随便填填 (right as
 * written) —, and below it the wrong readings crowd in (各各 → 哥哥 4.7, 茂茂 → 毛毛 7.1).
 * Comparing also with one of the pair left out (a plain slip) lost every right one: a
 * window one word shorter is likelier for that alone.
 */
export const DOUBLED_TYPO_GAIN = 9;
/** Characters on each side of the pair that the comparison looks at. */
const DOUBLED_WINDOW = 3;

export interface DoubledTypo {
  /** The doubled word meant (妈妈 for 吗吗). */
  fix: string;
  /** ln P gained under the word model over the text as written. */
  gain: number;
}

let codes = new Int32Array(32);

/**
 * A doubled character that is no word, where a confusable doubled is one that fits (吗吗 →
 * 妈妈, 式式 → 试试, 第第 → 弟弟: a learner's or an input method's slip on both): the word
 * model compares the few characters around the pair as written and with each doubled
 * confusable that it knows as a word.
 */
export function doubledTypo(model: CscModel, text: string, i: number): DoubledTypo | null {
  const lm = model.wordLm;
  const conf = model.confusables.get(text.charCodeAt(i));
  if (!lm || !conf) return null;
  const han = /\p{Script=Han}/u;
  let from = i;
  let to = i + 2;
  while (from > 0 && i - from < DOUBLED_WINDOW && han.test(text[from - 1]!)) from--;
  while (to < text.length && to - i - 2 < DOUBLED_WINDOW && han.test(text[to]!)) to++;
  const n = to - from;
  if (codes.length < n) codes = new Int32Array(2 * n);
  const score = (pair: number) => {
    for (let j = from; j < to; j++) codes[j - from] = j === i || j === i + 1 ? pair : text.charCodeAt(j);
    return wordLmScore(lm, codes, n);
  };
  const ch = text.charCodeAt(i);
  const base = score(ch);
  let best: DoubledTypo | null = null;
  for (let q = 0; q < conf.length; q++) {
    const c = conf[q]!;
    const word = String.fromCharCode(c, c);
    if (wordIdOf(lm, word) < 0) continue;
    const gain = score(c) - base;
    if (gain >= DOUBLED_TYPO_GAIN && (!best || gain > best.gain)) best = { fix: word, gain };
  }
  return best;
}
