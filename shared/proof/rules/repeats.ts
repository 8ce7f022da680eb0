import { isHan } from '../chars';
import { AA_WORDS, BOUNDARY_CHARS, DOUBLED_WORD_SLIPS, FUNCTION_CHARS, FUNCTION_EXCEPTIONS, NUMERAL_CHARS } from '../data/reduplications';
import { doubledTypo, repeatVerdict } from '../csc/repeat-words';
import { timesOf } from './typos';
import { defineRule, type SegmentRule } from '../types';

// Repeated characters and words: a doubled 的 or 我们我们 is a typing slip; 看看, 高高兴兴,
// 沉甸甸 and 研究研究 are Chinese (叠词), and 中国国家 is two words meeting. Without a word
// dictionary the rule keeps to what it can tell apart: function characters and common
// words are reported as slips; any other doubling only as a possible slip (info), and not
// at all when it is a known reduplication, a numeral, or a usual word boundary.

export const REPEATED_FUNCTION = defineRule(
  'char.repeated', 'warning', 'house style (校对常见差错)',
  '“{text}”重复', '"{text}" is repeated',
);
export const POSSIBLE_REPEAT = defineRule(
  'char.possible-repeat', 'info', 'house style (校对常见差错)',
  '“{text}”可能误重复', '"{text}" may be a slip (doubled character)',
);
/** 吗吗 for 妈妈: a doubled character that is no word where a doubled confusable is one (issue 14). */
export const DOUBLED_TYPO = defineRule(
  'char.doubled-typo', 'warning', '通用规范汉字表 (2013); 校对常见差错',
  '可能是错别字：叠字“{text}”不成词，是否应为“{fix}”？（语言模型概率高约 {times} 倍）',
  'Perhaps a typo: "{text}" is no word; "{fix}"? ({times} times as probable to the word model)',
);

function inException(t: string, i: number): boolean {
  return FUNCTION_EXCEPTIONS.some((p) => {
    for (let k = Math.max(0, i - p.length + 2); k <= i; k++) if (t.startsWith(p, k) && k + p.length >= i + 2) return true;
    return false;
  });
}

const repeats: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  for (let i = 0; i + 1 < t.length; i++) {
    // Only a character doubled (AA) or a pair doubled (XYXY) can be reported: compared by
    // code first, so the other characters cost no string and no regular expression (issue 15).
    const c = t.charCodeAt(i);
    if (t.charCodeAt(i + 1) !== c && !(t.charCodeAt(i + 2) === c && t.charCodeAt(i + 3) === t.charCodeAt(i + 1))) continue;
    const a = t[i]!;
    if (!isHan(a)) continue;
    // XYXY: 我们我们
    const w = t.slice(i, i + 2);
    if (DOUBLED_WORD_SLIPS.has(w) && t.startsWith(w, i + 2)) {
      ctx.emit(REPEATED_FUNCTION, i, i + 4, { start: i + 2, end: i + 4, replacement: '' }, { text: w + w });
      i += 3;
      continue;
    }
    if (t[i + 1] !== a) continue;
    if (t[i + 2] === a) {
      // 哈哈哈, 啦啦啦: three of a kind is onomatopoeia, not a slip.
      while (t[i + 1] === a) i++;
      continue;
    }
    const fix = { start: i + 1, end: i + 2, replacement: '' };
    // With the word tables (issue 14), segmentation decides first: 沁源源 is a slip,
    // 源源不断 and 现在在 are not; AABB idioms stay with the list.
    // Doubled numerals are counting (十五五, 一一对应): left to the lists as before.
    const judged = ctx.options.csc && !isAABB(t, i) && !NUMERAL_CHARS.includes(a) ? ctx.options.csc : null;
    const verdict = judged ? repeatVerdict(judged, t, i) : null;
    // 吗吗 → 妈妈: before the slip, whose fix (one left out) the word model has weighed too.
    const meant = judged && verdict !== 'word' && ctx.options.typoLevel !== 'off' && seg.kind !== 'credit' ? doubledTypo(judged, t, i) : null;
    if (meant) {
      ctx.emit(DOUBLED_TYPO, i, i + 2, { start: i, end: i + 2, replacement: meant.fix }, { fix: meant.fix, times: timesOf(meant.gain) });
    } else if (verdict === 'slip') {
      ctx.emit(REPEATED_FUNCTION, i, i + 2, fix);
    } else if (verdict === null && FUNCTION_CHARS.has(a)) {
      if (!inException(t, i)) ctx.emit(REPEATED_FUNCTION, i, i + 2, fix);
    } else if (verdict === null && !AA_WORDS.has(a + a) && !NUMERAL_CHARS.includes(a) && !BOUNDARY_CHARS.has(a) && !isAABB(t, i)) {
      ctx.emit(POSSIBLE_REPEAT, i, i + 2, fix);
    }
    i++;
  }
};

/** 认认真真, 干干净净: AABB with both pairs doubled; 研究研究 never reaches here. */
function isAABB(t: string, i: number): boolean {
  const nextPair = t[i + 2] !== undefined && t[i + 2] === t[i + 3] && isHan(t[i + 2]);
  const prevPair = i >= 2 && t[i - 2] === t[i - 1] && isHan(t[i - 2]);
  return nextPair || prevPair;
}

export const repeatRules: SegmentRule[] = [repeats];
export const repeatDefs = [REPEATED_FUNCTION, POSSIBLE_REPEAT, DOUBLED_TYPO];
