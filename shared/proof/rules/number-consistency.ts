import { defineRule, type DocumentRule, type Segment } from '../types';

// GB/T 15835-2011 asks for one form within a publication: numbers of five digits or more
// are either all grouped with thousands separators or none are (5.1.3), and Gregorian
// years are Arabic numerals (4.1.1, 二〇二五年 only where a text keeps Chinese numerals
// throughout). Within a story, the minority form is flagged.

export const MIXED_GROUPING = defineRule(
  'num.mixed-grouping', 'warning', 'GB/T 15835-2011 5.1.3',
  '同一稿件中多位数有的用千分撇、有的不用，应统一', 'Some long numbers in this story use thousands separators and some do not',
);
export const MIXED_YEARS = defineRule(
  'num.mixed-years', 'warning', 'GB/T 15835-2011 4.1.1',
  '同一稿件中公历年份有阿拉伯数字和汉字两种写法，宜统一用阿拉伯数字', 'Years are written both in Arabic and in Chinese numerals; use Arabic',
);

interface Hit { seg: Segment; start: number; end: number }

function collect(segments: Segment[], re: RegExp): Hit[] {
  const out: Hit[] = [];
  for (const seg of segments) {
    for (const m of seg.text.matchAll(re)) out.push({ seg, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const grouping: DocumentRule = (doc, ctx) => {
  const grouped = collect(doc.segments, /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g);
  // Five digits or more without a separator; years and four-digit numbers need none.
  const plain = collect(doc.segments, /(?<![\d.,])\d{5,}(?![\d,])/g);
  if (grouped.length === 0 || plain.length === 0) return;
  for (const h of grouped.length <= plain.length ? grouped : plain) ctx.emit(h.seg, MIXED_GROUPING, h.start, h.end);
};

const years: DocumentRule = (doc, ctx) => {
  const han = collect(doc.segments.filter((s) => s.lang === 'zh'), /[〇零一二三四五六七八九]{4}年/g);
  if (han.length === 0) return;
  const arabic = collect(doc.segments.filter((s) => s.lang === 'zh'), /(?<!\d)(?:1[6-9]|20)\d\d年/g);
  if (arabic.length === 0) return;
  for (const h of han) ctx.emit(h.seg, MIXED_YEARS, h.start, h.end);
};

export const numberConsistencyRules: DocumentRule[] = [grouping, years];
export const numberConsistencyDefs = [MIXED_GROUPING, MIXED_YEARS];
