import { hasSentencePunct, isDigit, isHan, isLatin, isZhContext, isZhPunct } from '../chars';
import { defineRule, type SegmentRule } from '../types';

// GB/T 15834-2011 (标点符号用法) is written for full-width marks in Chinese text: a comma,
// stop or bracket typed half-width between Chinese characters is the commonest slip of a
// keyboard left in English mode.

export const HALF_WIDTH_PUNCT = defineRule(
  'punct.half-width', 'error', 'GB/T 15834-2011 3.1',
  '中文文本中使用了半角标点“{text}”，应为“{fix}”', 'Half-width "{text}" in Chinese text; use "{fix}"',
);
export const HALF_WIDTH_PARENS = defineRule(
  'punct.half-width-parens', 'error', 'GB/T 15834-2011 4.9',
  '中文文本中的括号“{text}”应为全角“{fix}”', 'Brackets in Chinese text should be full-width: "{fix}"',
);
export const ASCII_QUOTES = defineRule(
  'punct.ascii-quotes', 'warning', 'GB/T 15834-2011 4.7',
  '中文文本中使用了直引号“{text}”，应为弯引号“”或‘’', 'Straight quote "{text}" in Chinese text; use “ ” or ‘ ’',
);
export const SPACE_IN_ZH = defineRule(
  'punct.space-in-chinese', 'warning', 'house style (报纸正文)',
  '中文正文中多余的空格', 'Stray space in Chinese text',
);
export const SPACE_ZH_LATIN = defineRule(
  'punct.space-zh-latin', 'info', 'house style (报纸正文)',
  '中文与外文、数字之间不加空格', 'No space between Chinese and Latin letters or digits in a mainland newspaper',
);

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };
/** , ; : ? ! . by code: the rules below look at a character only when it may matter, by its code (issue 15: t[i] of a Chinese character is a new string each time). */
const isHalfStop = (c: number) => c === 44 || c === 59 || c === 58 || c === 63 || c === 33 || c === 46;

const halfWidth: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  for (let i = 0; i < t.length; i++) {
    if (!isHalfStop(t.charCodeAt(i))) continue;
    const ch = t[i]!;
    const full = FULL[ch]!;
    const prev = t[i - 1];
    const next = t[i + 1];
    if (!isHan(prev) && !(prev !== undefined && '”’》）」』】'.includes(prev))) continue;
    if (ch === '.') {
      // "..." is the ellipsis rule's; a lone stop counts only at the end or before Chinese.
      if (next === '.' || prev === '.') continue;
      if (!(next === undefined || isZhContext(next) || next === ' ')) continue;
    } else if (ch === ':' && isDigit(next)) {
      continue; // 时间 10:30 after a Han word is still a time
    } else if (!(next === undefined || isZhContext(next) || next === ' ' || isDigit(next) || isLatin(next))) {
      continue;
    }
    // After a Han character, a following Latin word ("用法,Python") is still Chinese text.
    let end = i + 1;
    while (t[end] === ' ' && (ch !== '.' || isZhContext(t[end + 1]))) end++;
    ctx.emit(HALF_WIDTH_PUNCT, i, i + 1, { start: i, end, replacement: full }, { fix: full });
  }
};

const parens: SegmentRule = (seg, ctx) => {
  const re = /\(([^()]{0,40})\)/g;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    const inner = m[1]!;
    const before = seg.text[m.index - 1];
    // "(区)" after 七县, "(记者 张三)": Chinese inside or right before; "(PM2.5)" after
    // Latin text stays as it is.
    if (!/\p{Script=Han}/u.test(inner) && !isHan(before)) continue;
    ctx.emit(HALF_WIDTH_PARENS, m.index, m.index + m[0].length, `（${inner}）`);
  }
};

const asciiQuotes: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) !== 34) continue; // "
    if (isHan(t[i - 1]) || isHan(t[i + 1])) ctx.emit(ASCII_QUOTES, i, i + 1);
  }
};

const spaces: SegmentRule = (seg, ctx) => {
  // Headlines, datelines and name lists set phrases apart with spaces on purpose
  // ("谋好篇 布好局", "2025年2月25日 星期二", "冯波 贾志敏"): only sentences are checked.
  if (seg.kind !== 'body' || !hasSentencePunct(seg.text)) return;
  const re = /[ \u3000\u00a0]+/g;
  const t = seg.text;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const a = t[m.index - 1];
    const b = t[m.index + m[0].length];
    const fix = { start: m.index, end: m.index + m[0].length, replacement: '' };
    if ((isHan(a) || isZhPunct(a)) && (isHan(b) || isZhPunct(b))) ctx.emit(SPACE_IN_ZH, fix.start, fix.end, fix);
    else if ((isHan(a) && (isLatin(b) || isDigit(b))) || ((isLatin(a) || isDigit(a)) && isHan(b))) {
      ctx.emit(SPACE_ZH_LATIN, fix.start, fix.end, fix);
    }
  }
};

export const punctuationWidthRules: SegmentRule[] = [halfWidth, parens, asciiQuotes, spaces];
export const punctuationWidthDefs = [HALF_WIDTH_PUNCT, HALF_WIDTH_PARENS, ASCII_QUOTES, SPACE_IN_ZH, SPACE_ZH_LATIN];
