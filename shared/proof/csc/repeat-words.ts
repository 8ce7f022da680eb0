import { logpOf, type CscModel } from './model';
import { bestSplit } from './segment';

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
