import { isDigit, isZhContext, digitsToHan } from '../chars';
import { defineRule, type SegmentRule } from '../types';

export const REPEATED_MARK = defineRule(
  'punct.repeated', 'error', 'GB/T 15834-2011 4.1–4.6',
  '标点“{text}”重复', 'Repeated mark "{text}"',
);
export const CONFLICTING_MARKS = defineRule(
  'punct.conflicting', 'error', 'GB/T 15834-2011 4.1–4.6',
  '点号“{text}”连用，只保留一个', 'Two stops "{text}" in a row; keep one',
);
export const ELLIPSIS = defineRule(
  'punct.ellipsis', 'error', 'GB/T 15834-2011 4.11',
  '省略号应为“……”（两个“…”）', 'The Chinese ellipsis is "……" (two "…")',
);
export const DASH = defineRule(
  'punct.dash', 'error', 'GB/T 15834-2011 4.12',
  '破折号应为“——”（两个“—”）', 'The Chinese dash is "——" (two "—")',
);
export const NUMERAL_DUNHAO = defineRule(
  'punct.numeral-dunhao', 'warning', 'GB/T 15834-2011 4.5.3.5; GB/T 15835-2011 4.1.2',
  '相邻两数表示概数时不用顿号，宜写作“{fix}”', 'Two neighbouring numbers giving an estimate take no 顿号: "{fix}"',
);

// 点号 that end or split a clause. ？？ ！！ ？！ are legal (4.3.3, 4.4.3: 叠用 for strong
// feeling, 连用 for a question asked in surprise), so only pairs involving the other stops count.
const STOPS = '，、；：。';
const FEELING = '？！';

/** ，、；：。？！ by code (the loop skips every other character without making a string of it). */
const MARK_CODES = new Set([...STOPS, ...FEELING].map((c) => c.charCodeAt(0)));

const marks: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  for (let i = 0; i + 1 < t.length; i++) {
    if (!MARK_CODES.has(t.charCodeAt(i)) || !MARK_CODES.has(t.charCodeAt(i + 1))) continue;
    const a = t[i]!;
    const b = t[i + 1]!;
    const aStop = STOPS.includes(a);
    const bStop = STOPS.includes(b);
    if (!(aStop || FEELING.includes(a)) || !(bStop || FEELING.includes(b))) continue;
    if (!aStop && !bStop) continue; // ？！ ！？ ？？ ！！
    if (a === '。' && b === '。' && t[i + 2] === '。') { // 。。。 is the ellipsis rule's
      while (t[i + 1] === '。') i++;
      continue;
    }
    if (a === b) {
      let end = i + 1;
      while (t[end] === a) end++;
      ctx.emit(REPEATED_MARK, i, end, { start: i + 1, end, replacement: '' });
      i = end - 1;
    } else {
      ctx.emit(CONFLICTING_MARKS, i, i + 2);
      i++;
    }
  }
};

const ellipsis: SegmentRule = (seg, ctx) => {
  const re = /…+|。{2,}|\.{3,}|·{3,}/g;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    const run = m[0];
    if (run[0] === '…' && run.length % 2 === 0 && run.length <= 4) continue; // …… and ……………… (12 dots)
    if (run[0] === '.' && !isZhContext(seg.text[m.index - 1]) && !isZhContext(seg.text[m.index + run.length])) continue;
    if (run[0] === '。' && run.length === 2) continue; // 。。 is the repeated-mark rule's
    ctx.emit(ELLIPSIS, m.index, m.index + run.length, '……');
  }
};

const dash: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  // A single "—" is GB/T 15834's 一字线 (连接号: 1990—2000年, 煤炭—煤化工), so it stays.
  const re = /—{3,}|－{2,}|-{2,}|─{2,}|―{2}/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const before = t[m.index - 1];
    const after = t[m.index + m[0].length];
    if (m[0][0] === '-' && !(isZhContext(before) || isZhContext(after))) continue; // "--" of a command line
    ctx.emit(DASH, m.index, m.index + m[0].length, '——');
  }
};

// 5、6个 → 五六个. Lists (3、4、5号楼), ordinals (第3、4名) and dates (1、2月) keep their
// 顿号: only two neighbouring one-digit numbers before a counting unit are flagged.
const COUNT_UNIT = /^(?:个|人|天|岁|次|名|只|家|项|倍|件|条|本|辆|座|所|户|位|万|千|百|亿|小时|分钟|公里|米|斤|亩)/;
const numeralDunhao: SegmentRule = (seg, ctx) => {
  const re = /(?<![\d.、第])(\d)、(\d)(?![\d.、])/g;
  const t = seg.text;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b !== a + 1 || !COUNT_UNIT.test(t.slice(m.index + 3))) continue;
    if (isDigit(t[m.index - 1])) continue;
    const fix = digitsToHan(`${a}${b}`);
    ctx.emit(NUMERAL_DUNHAO, m.index, m.index + 3, fix, { fix });
  }
};

export const punctuationMarkRules: SegmentRule[] = [marks, ellipsis, dash, numeralDunhao];
export const punctuationMarkDefs = [REPEATED_MARK, CONFLICTING_MARKS, ELLIPSIS, DASH, NUMERAL_DUNHAO];
