import { isHan } from '../chars';
import { defineRule, type SegmentRule } from '../types';

// GB/T 15835-2011 (出版物上数字用法): Arabic numerals are half-width; a range takes 浪纹线
// “～” (values) or 一字线 “—” (years, places); a percentage range keeps both signs
// (10%～20%, not 10～20%).

export const FULL_WIDTH_DIGITS = defineRule(
  'num.full-width', 'warning', 'GB/T 15835-2011 5.1.1',
  '全角数字或字母“{text}”应为半角“{fix}”', 'Full-width "{text}"; use half-width "{fix}"',
);
export const RANGE_HYPHEN = defineRule(
  'num.range-hyphen', 'warning', 'GB/T 15834-2011 4.13.3; GB/T 15835-2011 5.1.6',
  '数值范围用浪纹线“～”，年份、时间起止用一字线“—”，不用短横线“-”', 'A range takes ～ (values) or — (years), not a hyphen',
);
export const PERCENT_RANGE = defineRule(
  'num.percent-range', 'warning', 'GB/T 15835-2011 5.1.6',
  '百分数范围应写作“{fix}”', 'A percentage range is written "{fix}"',
);
export const CHINESE_COMMA_IN_NUMBER = defineRule(
  'num.zh-comma-separator', 'error', 'GB/T 15835-2011 5.1.3',
  '数字分节不能用中文逗号', 'A Chinese comma cannot group digits',
);

const FULL_RE = /[０-９Ａ-Ｚａ-ｚ％．]+/g;
const toHalf = (s: string) => s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const fullWidth: SegmentRule = (seg, ctx) => {
  for (let m = FULL_RE.exec(seg.text); m; m = FULL_RE.exec(seg.text)) {
    // A lone full-width ％ or ． among Chinese is left to taste; digits and letters are not.
    if (!/[０-９Ａ-Ｚａ-ｚ]/.test(m[0])) continue;
    const fix = toHalf(m[0]);
    ctx.emit(FULL_WIDTH_DIGITS, m.index, m.index + m[0].length, fix, { fix });
  }
};

// 2024-2025年, 3-5岁: a hyphen between numbers followed by a Chinese unit. Dates
// (2025-02-25), phone numbers (0355-1234567) and models (CR400-AF) are not followed by one.
const RANGE_RE = /(?<![\d.\-:/A-Za-z])(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?=[\p{Script=Han}℃])/gu;
const rangeHyphen: SegmentRule = (seg, ctx) => {
  for (let m = RANGE_RE.exec(seg.text); m; m = RANGE_RE.exec(seg.text)) {
    const dash = m.index + m[1]!.length;
    ctx.emit(RANGE_HYPHEN, dash, dash + 1);
  }
};

const PERCENT_RE = /(\d+(?:\.\d+)?)(%?)\s*([-~～—–])\s*(\d+(?:\.\d+)?)%/g;
const percentRange: SegmentRule = (seg, ctx) => {
  for (let m = PERCENT_RE.exec(seg.text); m; m = PERCENT_RE.exec(seg.text)) {
    if (m[2] === '%' && m[3] === '～') continue;
    if (/\d/.test(seg.text[m.index - 1] ?? '')) continue;
    const fix = `${m[1]}%～${m[4]}%`;
    ctx.emit(PERCENT_RANGE, m.index, m.index + m[0].length, fix, { fix });
  }
};

const zhComma: SegmentRule = (seg, ctx) => {
  const re = /(?<![\d.])\d{1,3}(?:，\d{3})+(?![\d，])/g;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    // "1，000" with a unit or 元 after it; "3，500" alone might be a list of two numbers.
    if (!isHan(seg.text[m.index + m[0].length])) continue;
    ctx.emit(CHINESE_COMMA_IN_NUMBER, m.index, m.index + m[0].length, m[0].replace(/，/g, ''));
  }
};

export const numberRules: SegmentRule[] = [fullWidth, rangeHyphen, percentRange, zhComma];
export const numberDefs = [FULL_WIDTH_DIGITS, RANGE_HYPHEN, PERCENT_RANGE, CHINESE_COMMA_IN_NUMBER];
