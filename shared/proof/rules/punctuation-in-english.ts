import { defineRule, type SegmentRule } from '../types';

// An English sentence or title quoted in Chinese keeps English punctuation inside it:
// 「Stay hungry, stay foolish.」, 《Hackers & Painters: Big Ideas from the Computer Age》
// (中文文案排版指北: 遇到完整的英文整句、特殊名词，其内容使用半角标点). A Chinese mark between
// two Latin words is left alone in Chinese prose (支持Windows，Linux和macOS): only a stretch
// without Han characters that reads as English (three or more words, a space between two
// of them) is checked.

export const FULL_WIDTH_IN_ENGLISH = defineRule(
  'punct.full-width-in-english', 'warning', 'house style (中文文案排版指北)',
  '英文整句或英文名称中使用了全角标点“{text}”，应为半角“{fix}”', 'Full-width "{text}" inside English words; use "{fix}"',
);

const HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '！': '!', '？': '?', '。': '.', '＆': '&' };
const SPAN = /[^\p{Script=Han}]+/gu;
const LATIN = /[A-Za-z]/;
/** Three Latin words or more, and a space between two of them: English, not a list of names. */
const WORD = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g;
const SPACED_WORDS = /[A-Za-z][,.;:!?，。；：！？]?\s+[A-Za-z]/u;
const isEnglish = (span: string) => (span.match(WORD)?.length ?? 0) >= 3 && SPACED_WORDS.test(span);

const inEnglish: SegmentRule = (seg, ctx) => {
  // A span can read as English only where the whole text has two Latin words a space apart:
  // most Chinese paragraphs have none and are left without cutting them into spans (issue 15).
  if (!SPACED_WORDS.test(seg.text)) return;
  for (let m = SPAN.exec(seg.text); m; m = SPAN.exec(seg.text)) {
    const span = m[0];
    if (!isEnglish(span)) continue;
    for (let i = 0; i < span.length; i++) {
      const half = HALF[span[i]!];
      if (!half || !LATIN.test(span[i - 1] ?? '')) continue;
      let j = i + 1;
      while (span[j] === ' ') j++;
      const nextLatin = LATIN.test(span[j] ?? '');
      // A closing 。 ends the English sentence inside its quote: 「… stay foolish。」
      if (!nextLatin && !(half === '.' && /^[”’」』]/u.test(span.slice(i + 1)))) continue;
      const fix = nextLatin && half !== '&' && j === i + 1 ? `${half} ` : half;
      const at = m.index + i;
      ctx.emit(FULL_WIDTH_IN_ENGLISH, at, at + 1, fix, { fix: half });
    }
  }
};

export const punctuationInEnglishRules: SegmentRule[] = [inEnglish];
export const punctuationInEnglishDefs = [FULL_WIDTH_IN_ENGLISH];
